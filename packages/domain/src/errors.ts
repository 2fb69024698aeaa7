import { CITIZEN_ERROR_MESSAGES } from "./citizen-errors";
import { isKeyOf } from "./keys";

/**
 * Error codes the API attaches to every refusal (`data.appCode`), with the zh-CN text a screen
 * shows. Keeping them in one table lets another locale be added without touching procedures.
 */
export const APP_ERROR_MESSAGES = {
  ...CITIZEN_ERROR_MESSAGES,
  INVALID_CREDENTIALS: "用户名或密码错误",
  ACCOUNT_DISABLED: "账号已停用，请联系管理员",
  STAFF_ONLY: "只有窗口工作人员可以执行此操作",
  NOT_AT_WINDOW: "请先选择您所在的窗口",
  ITEM_NOT_FOUND: "服务事项不存在",
  CASE_ALREADY_COMPLETED: "办件已经办结",
  CASE_NOT_YOURS: "该办件不是由您办理的",
  DEVICE_EXISTS: "该窗口已登记评价器",
  WORK_ORDER_NOT_FOUND: "工单不存在或无权查看",
  WORK_ORDER_TRANSITION_INVALID: "工单当前状态不允许此操作",
  WORK_ORDER_FORBIDDEN: "您无权对该工单执行此操作",
  WORK_ORDER_CASE_SEARCH_FORBIDDEN: "为保护群众，窗口工作人员不能按办件编号查找差评工单",
  EXTENSION_ALREADY_USED: "该工单已申请过延期，每个工单只能延期一次",
  EXTENSION_NOT_REQUESTED: "该工单没有待审批的延期申请",
  PERIOD_TOO_LONG: "统计期间不能超过 366 天，请缩短后再查询",
  PERIOD_IN_FUTURE: "统计期间不能从未来的日期开始",
  STAFF_NOT_FOUND: "工作人员不存在或不在您的管辖范围内",
  DEPARTMENT_NOT_FOUND: "部门不存在或不在您的管辖范围内",
  RANKING_WEIGHTS_INVALID: "排名权重无效：各项须为 0–100 的整数，且合计为 100",
  HALL_NOT_FOUND: "服务大厅不存在",
  HALL_OUTSIDE_SCOPE: "该服务大厅不在您的管辖范围内",
  COUNTY_SCOPE_REQUIRED: "只有县级用户可以查看全县（区）的数据",
  COUNTY_NOT_FOUND: "县（区）不存在",
  AREA_CODE_INVALID: "行政区划代码应为 12 位数字，且为县、乡镇或村一级的代码",
  AREA_CODE_OUTSIDE_COUNTY: "该行政区划代码不在本县（区）或所属乡镇的范围内",
  AREA_CODE_LEVEL_MISMATCH:
    "行政区划代码的级别与大厅类型不符（县级中心用县级代码，乡镇中心用乡镇代码，便民服务站用村级代码）",
  HALL_AREA_CODE_TAKEN: "本县（区）已有使用该行政区划代码的服务大厅",
  HALL_PARENT_INVALID: "所属乡镇中心须是本县（区）的乡镇（街道）便民服务中心",
  HALL_MOVE_REFUSED: "办件、窗口和评价器属于各自的服务大厅，不能移到其他大厅",
  REPORT_MONTH_INVALID: "月份格式应为 YYYY-MM，且不早于 2000 年",
  REPORT_MONTH_IN_FUTURE: "该月份尚未到来，不能生成月报",
  REPORT_MONTH_NOT_CLOSED: "该月份尚未结束，月报在月度结束后生成",
  REPORT_NOT_FOUND: "月报不存在或无权查看",
  REPORT_GENERATING: "该月报正在生成中，请稍后查看进度",
  REPORT_ARCHIVE_HALL_ONLY: "月报存档按全大厅生成，部门负责人请查看本部门的月度报告",
  REPORT_FONT_MISSING:
    "服务器缺少生成 PDF 所需的中文字体，请管理员安装 fonts-wqy-microhei 或用 HCP_REPORT_FONT 指定字体文件",
  REPORT_CSV_HALL_ONLY: "评价明细按全大厅导出，部门负责人不能下载",
  REPORT_VERSION_NOT_FOUND: "该月报版本不存在或尚未生成完成",
  PROVINCE_ENDPOINT_REQUIRED: "启用省级对接前请填写对接地址",
  CONTACT_REVEAL_FORBIDDEN: "您无权查看该办件申请人的完整号码",
  CONTACT_NOT_RECORDED: "该办件未登记此项信息",
  CASE_NO_IN_OTHER_HALL: "该办件编号已被其他大厅的办件使用",
  CASE_ITEM_CODE_UNKNOWN: "事项编码不存在或不属于本大厅",
  CASE_ITEM_INACTIVE: "该服务事项已停用，不能登记新的办件",
  CASE_WINDOW_CODE_UNKNOWN: "窗口编号不存在或不属于本大厅",
  CASE_WINDOW_REQUIRED: "窗口办理的办件须填写窗口编号",
  CASE_STAFF_BADGE_UNKNOWN: "工号不存在或不属于本大厅",
  CASE_REOPEN_REFUSED: "办件已办结，不能改回未办结",
  CASE_COMPLETED_AFTER_RATING: "该办件已有评价，办结时间不能晚于评价时间",
  CASE_COMPLETED_BEFORE_RECEIVED: "办结时间不能早于受理时间",
  CASE_TIME_IN_FUTURE: "时间不能晚于当前时间",
  CASE_PROMISED_DAYS_REQUIRED: "承诺件须填写承诺办结工作日（1–365）",
  CASE_HAS_NO_WINDOW: "该办件没有办理窗口，无法推送到评价器",
  CASE_IMPORT_NOT_FOUND: "导入任务不存在或无权查看",
  CASE_IMPORT_FILE_TOO_LARGE: "文件超过 10 MB，请拆分后再导入",
  CASE_IMPORT_TOO_MANY_ROWS: "文件超过 50000 行，请拆分后再导入",
  CASE_IMPORT_UNREADABLE: "无法读取文件，请上传 UTF-8 编码的 CSV 文件或 XLSX 文件",
  CASE_IMPORT_HEADER_INVALID: "表头与模板不符，请下载模板核对列名",
  CASE_IMPORT_EMPTY: "文件中没有数据行",
  CASE_IMPORT_ROWS_INVALID: "文件中有错误的行，未导入任何数据",
  CASE_IMPORT_DUPLICATE_ROW: "与文件中前面一行的办件编号重复",
  CATALOGUE_CODE_DUPLICATE: "该事项编码已存在，请核对后再填写",
  CATALOGUE_CODE_FIXED: "事项编码不能修改；编码有误请停用该事项后新增",
  CATALOGUE_WINDOW_UNKNOWN: "受理窗口不存在、已撤销或不属于本大厅",
  CATALOGUE_IMPORT_ROWS_INVALID: "文件中有错误的行，未导入任何数据；核对后重新上传，或选择仅导入无误的行",
  CATALOGUE_IMPORT_STALE: "预览之后事项目录或文件已有变动，请重新预览后再导入",
  CATALOGUE_DEPARTMENT_RETIRED: "所选部门已撤销，不再接收事项；请选择在用的部门，或先在部门管理中恢复该部门",
  CATALOGUE_ITEM_DEPARTMENT_RETIRED: "该事项所属部门已撤销，请先在部门管理中恢复该部门，再恢复事项",
  SIGN_IN_LOCKED: "登录失败次数过多，请稍后再试",
  PASSWORD_TOO_SHORT: "密码至少需要 10 个字符",
  PASSWORD_IS_USERNAME: "密码不能与用户名相同或包含用户名",
  PASSWORD_TOO_COMMON: "密码过于常见，请换一个不易猜到的密码",
  PASSWORD_WRONG: "当前密码不正确",
  API_KEY_INVALID: "API 密钥无效、已轮换或已吊销",
  API_SCOPE_MISSING: "该 API 客户端未被授予此项权限范围",
  API_HALL_FORBIDDEN: "该 API 客户端无权访问此大厅",
  API_HALL_REQUIRED: "该 API 客户端可访问多个大厅，请用 hallId 指明大厅",
  API_RATE_LIMITED: "调用过于频繁，已超过每分钟调用上限，请稍后再试",
  API_CLIENT_NOT_FOUND: "API 客户端不存在",
  API_CLIENT_REVOKED: "该 API 客户端已吊销",
  IDEMPOTENCY_KEY_INVALID: "Idempotency-Key 格式不正确（1–200 个可见 ASCII 字符）",
  UNSUPPORTED_MEDIA_TYPE: "请求体须为 JSON（Content-Type: application/json）",

  // Windows and staff kept by the hall (floor)
  WINDOW_CODE_EXISTS: "窗口编号已存在，请换一个编号",
  WINDOW_RETIRED: "该窗口已撤销，不能再修改或上岗",
  WINDOW_EVALUATOR_PAIRED: "该窗口的评价器仍在配对中，请先在评价器管理中解除配对，再撤销窗口",
  WINDOW_OCCUPIED: "该窗口有工作人员正在上岗，请待其离岗后再撤销",
  WINDOW_ITEM_CODE_UNKNOWN: "有事项编码不存在或不属于本大厅进驻部门的事项，请核对后再保存",
  WINDOW_DEPARTMENT_UNKNOWN: "所选部门不存在或不属于本大厅",
  STAFF_BADGE_EXISTS: "工号已存在，请核对后再保存",
  STAFF_WINDOW_UNKNOWN: "所选上岗窗口不存在、已撤销或不属于本大厅",
  STAFF_LEFT: "该工作人员已离职",
  PHOTO_TOO_LARGE: "照片不能超过 5 MB",
  PHOTO_NOT_IMAGE: "照片须为 JPEG、PNG 或 WebP 格式的图片",
  PHOTO_TOO_SMALL: "照片太小，至少需要 120×150 像素",
  WINDOW_NOT_ASSIGNED: "该窗口不在您的上岗窗口之列，须由大厅管理员在本机授权后才能上岗",
  SIGN_IN_APPROVER_INVALID: "授权人须是本大厅在职的大厅管理员或系统管理员",

  // User accounts (accounts)
  ACCOUNT_NOT_FOUND: "账号不存在或不在您的管辖范围内",
  ACCOUNT_USERNAME_EXISTS: "该用户名已被使用，请换一个用户名",
  ACCOUNT_ROLE_FORBIDDEN: "大厅管理者只能管理窗口工作人员和部门负责人的账号",
  ACCOUNT_LAST_ADMIN: "这是最后一个启用的系统管理员账号，不能停用或改为其他角色",
  ACCOUNT_SELF: "不能停用自己的账号",
  ACCOUNT_STAFF_UNKNOWN: "所选工作人员不存在、已离职或不属于本大厅",
  ACCOUNT_STAFF_TAKEN: "该工作人员已有账号，一名工作人员只能关联一个账号",
  ACCOUNT_DEPARTMENT_UNKNOWN: "所选部门不存在或不属于本大厅",
  PASSWORD_CHANGE_REQUIRED: "首次登录或密码重置后，请先修改密码",
  PASSWORD_UNCHANGED: "新密码不能与当前密码相同",
  PASSWORD_LINK_INVALID: "设置密码链接无效、已使用或已过期，请联系管理员重新生成",
  // 大厅设置 and 部门管理
  DEPARTMENT_CODE_TAKEN: "该统一社会信用代码已登记为另一个部门",
  DEPARTMENT_NAME_TAKEN: "本大厅已有同名的在用部门",
  DEPARTMENT_IN_USE: "该部门仍在使用中：请先停用其事项、调整其窗口与工作人员、停用其账号并办结其差评工单，再撤销",
  HALL_LOGO_TOO_LARGE: "标志图片不能超过 2 MB",
  HALL_LOGO_NOT_IMAGE: "标志须为 JPEG、PNG 或 WebP 图片",
  // The server is stopping (a restart or an update): the client tries again shortly.
  SERVICE_UNAVAILABLE: "服务正在重启，请稍后再试",
} as const;

export type TAppErrorCode = keyof typeof APP_ERROR_MESSAGES;

export function appErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  return isKeyOf(APP_ERROR_MESSAGES, code) ? APP_ERROR_MESSAGES[code] : null;
}

/** A wrong lookup that has not locked the case yet, with the tries left before the lock. */
export function onlineLookupFailedMessage(triesLeft: number): string {
  return `办件编号或手机号后四位不正确，还可尝试 ${triesLeft} 次`;
}

/**
 * The lock message with the time the citizen may try again (hall-local, e.g. "14:35" or
 * "11月26日 08:05"): "try later" alone leaves an older citizen guessing.
 */
export function onlineLookupLockedMessage(retryAt: string): string {
  return `查询错误次数过多，该办件已暂时锁定，请于 ${retryAt} 后再试`;
}
