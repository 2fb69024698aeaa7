import { WORK_ORDER_ACTIONS } from "./work-order";

/**
 * The 审计日志's name for every action the platform records (packages/api's audit-actions test
 * fails when the code writes one that is not here). Work-order steps are named by their step.
 */
export const AUDIT_ACTIONS: Readonly<Record<string, string>> = {
  "auth.signIn": "登录",
  "auth.signOutEverywhere": "退出所有设备",
  "auth.changePassword": "修改密码",
  "account.create": "新建账号",
  "account.update": "修改账号",
  "account.resetPassword": "重置账号密码",
  "account.disable": "停用账号",
  "account.enable": "启用账号",
  "window.signIn": "窗口上岗（亮牌）",
  "window.signOut": "窗口离岗",
  "window.signInApproved": "管理员授权在非本人窗口上岗",
  "window.create": "新增窗口",
  "window.update": "修改窗口",
  "window.retire": "撤销窗口",
  "staff.create": "新增工作人员",
  "staff.update": "修改工作人员信息",
  "staff.leave": "工作人员离职",
  "staff.photo": "上传亮牌照片",
  "case.create": "受理办件",
  "case.complete": "办结办件",
  "case.receipt": "打印回执",
  "case.import": "导入办件",
  "case.recomputeDueDates": "承诺件：按确认的节假日安排重算办结期限",
  "case.integration.create": "业务系统推送新办件",
  "case.integration.update": "业务系统更新办件",
  "case.integration.complete": "业务系统办结办件",
  "case.revealContact": "查看完整号码",
  "rating.invite": "邀请评价",
  "rating.promptTimedOut": "评价超时",
  "rating.promptWithdrawn": "撤回评价邀请",
  "rating.exclude": "评价剔除（申诉成立）",
  "signal.review": "异常评价已核查",
  "device.create": "登记评价器",
  "device.issuePairingCode": "生成配对码",
  "device.paired": "评价器完成配对",
  "device.unpair": "解除配对",
  "serviceItem.create": "新增服务事项",
  "serviceItem.update": "修改服务事项",
  "serviceItem.retire": "停用服务事项",
  "serviceItem.restore": "恢复服务事项",
  "serviceItem.import": "导入事项目录",
  "calendar.setDay": "修改工作日历",
  "calendar.setServiceDay": "修改大厅服务日",
  "calendar.confirmYear": "确认年度节假日安排",
  "hall.updateRankingSettings": "修改排名设置",
  "hall.updateRatingRules": "修改评价规则",
  "province.updateConfig": "修改省级对接设置",
  "privacy.rekey": "个人信息密钥轮换",
  "apiClient.create": "新建接口调用方",
  "apiClient.rotate": "更换接口密钥",
  "apiClient.revoke": "停用接口调用方",
  "workOrder.escalate": "差评工单：超期督办",
  "workOrder.followUp": "差评工单：群众追评",
  "workOrder.recomputeDeadline": "差评工单：按确认的节假日安排重算期限",
  ...Object.fromEntries(
    Object.entries(WORK_ORDER_ACTIONS).map(([step, label]) => [`workOrder.${step}`, `差评工单：${label}`]),
  ),
};

/** An action in words; one recorded by a newer or older version stays visible by its code. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTIONS[action] ?? action;
}
