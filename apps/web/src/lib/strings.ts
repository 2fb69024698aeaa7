/**
 * Every string a citizen reads on the evaluator, one table per locale (the online page keeps its
 * own table in features/rate/strings.ts). A new locale is a new entry in `LOCALES`
 * with the same keys (the type makes a missing key a compile error) and its own voice clips.
 */
export type TLocale = "zh-CN";

const zhCN = {
  loading: "正在加载…",
  kioskTitle: "政务服务好差评",
  notPaired: "评价器尚未配对",
  notPairedHelp: "请管理员在管理台“评价器管理”页面为本机生成 6 位配对码，并在下方输入。",
  pairingCodeLabel: "配对码（6 位数字）",
  pairSubmit: "配对",
  pairSubmitting: "正在配对…",
  pairing: "正在配对评价器…",
  offline: "离线",
  offlinePending: "离线 · {count} 条评价待上传",
  pendingUpload: "{count} 条评价待上传",
  connecting: "正在连接服务器…",
  largeText: "大字",
  mute: "静音",
  paused: "暂停服务",
  pausedHelp: "本窗口暂无工作人员，请到其他窗口办理",
  closedHours: "非办公时间",
  closedHoursHelp: "本大厅办公时间：{hours}",
  badge: "工号",
  window: "窗口",
  rateAfterService: "办理结束后，请在本评价器上对服务进行评价",
  certificateExpired: "上岗证已过期",
  ratePrompt: "请您对本次服务进行评价",
  labelled: "{label}：",
  badgeAfterName: "（{badge}）",
  service: "办理事项",
  handledBy: "经办人",
  caseNo: "办件编号",
  chooseReasons: "请选择评价内容（可多选）",
  chooseBadReasons: "请选择不满意的原因（至少选一项或填写意见）",
  commentBad: "意见建议",
  previousPage: "上一页",
  nextPage: "下一页",
  pageOf: "第 {page}/{pages} 页",
  submit: "提交评价",
  chosen: "已选",
  changeLevel: "重新选择",
  confirmBad: "确认提交该差评吗？",
  confirmBadChoice: "您选择了：{level}",
  confirmBadHelp: "您的意见将转交相关部门核实整改，并在规定时间内回复。",
  confirm: "确认提交",
  back: "返回修改",
  submitting: "正在提交…",
  saveFailed: "评价未能保存，请再点一次提交",
  thanks: "感谢您的评价！",
  thanksHelp: "您的评价将帮助我们改进服务",
  thanksFor: "已收到您对本件的评价：{item}（{caseNo}）",
  nextCase: "您还有 {count} 件办件待评价，请继续",
  stillThere: "还在评价吗？",
  stillThereHelp: "如需继续评价，请点击下方按钮。{seconds} 秒后将返回首页，本次不计评价。",
  keepRating: "继续评价",
  badNeedsReason: "差评请至少选择一项原因或填写意见",
  refusedTitle: "评价未能记录",
  refusedCase: "办件 {caseNo} 的评价未能记录：",
  refusedOther: "请联系窗口工作人员。",
  refusedOk: "知道了",
  department: "部门",
} as const;

type TStringKey = keyof typeof zhCN;
export type TStrings = Readonly<Record<TStringKey, string>>;

/** Fixed spoken prompts: pre-recorded per locale, because a kiosk browser may have no TTS voice. */
export type TVoiceClip = "ratePrompt" | "thanks" | "stillThere" | "confirmBad";

export interface TLocaleTable {
  /** the BCP 47 tag for `lang` */
  lang: string;
  dir: "ltr" | "rtl";
  strings: TStrings;
  /** audio files under the app's public folder, and what they say (for captions and tests) */
  voice: Readonly<Record<TVoiceClip, { file: string; text: string }>>;
}

export const LOCALES: Readonly<Record<TLocale, TLocaleTable>> = {
  "zh-CN": {
    lang: "zh-CN",
    dir: "ltr",
    strings: zhCN,
    voice: {
      ratePrompt: { file: "audio/zh-CN/rate-prompt.wav", text: "请您对本次服务进行评价" },
      thanks: { file: "audio/zh-CN/thanks.wav", text: "感谢您的评价" },
      stillThere: { file: "audio/zh-CN/still-there.wav", text: "还在评价吗？如需继续请点击屏幕" },
      confirmBad: { file: "audio/zh-CN/confirm-bad.wav", text: "确认提交该差评吗？" },
    },
  },
};

const DEFAULT_LOCALE: TLocale = "zh-CN";

/** The device's locale table; the hall configures one locale per device. */
export const LOCALE = LOCALES[DEFAULT_LOCALE];

export const STRINGS: TStrings = LOCALE.strings;

/** Fills `{name}` placeholders: word order differs between languages, so numbers go in by name. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
