/**
 * The console's shared texts: the frame, errors, the navigation and the pager. Each feature's own
 * texts are in its `features/<name>/strings.ts`, in this same shape (a `zhCN` object, its type and
 * the export the components read). To add a locale, write another object of type `TStrings` (and
 * of each feature's type) and export it in place of `zhCN`. Texts that take values are functions
 * so word order can differ between languages.
 */
const zhCN = {
  locale: "zh-CN",
  app: {
    title: "好差评管理台",
    subtitle: "政务服务“好差评”",
    skipToMain: "跳到主要内容",
    navLabel: "主导航",
    menu: "菜单",
    userLabel: "当前用户",
    signOut: "退出",
    signingOut: "正在退出…",
    changePassword: "修改密码",
    signOutEverywhere: "退出所有设备",
    signOutEverywhereHint: "结束本账号在所有电脑和手机上的登录",
    loading: "加载中…",
    empty: "暂无数据",
    retry: "重试",
    dash: "—",
    cancel: "取消",
    pageTitle: (page: string) => `${page} - 好差评管理台`,
  },
  errors: {
    network: "网络连接失败，请检查网络后重试",
    generic: "操作失败，请稍后再试",
    pageFailed: "页面加载失败",
    notFound: "页面不存在",
    notFoundHint: "您访问的页面不存在或已移动。",
    backHome: "返回首页",
  },
  pager: {
    pagination: "分页",
    previous: "上一页",
    next: "下一页",
    pageOf: (page: number, pages: number) => `第 ${page} / ${pages} 页`,
  },
  nav: {
    desk: "窗口工作台",
    county: "全县概况",
    overview: "大厅概况",
    performance: "窗口绩效",
    mine: "我的评价",
    catalog: "事项目录",
    devices: "评价器管理",
    workOrders: "差评工单",
    workOrdersMine: "我的差评工单",
    calendar: "工作日历",
    analysis: "统计分析",
    reports: "月度报告",
    province: "省级对接",
    audit: "审计日志",
    import: "办件导入",
    catalogueImport: "事项目录导入",
    apiClients: "接口调用方",
    windows: "窗口管理",
    staff: "工作人员",
    accounts: "账号管理",
    hall: "大厅设置",
    departments: "部门管理",
    setup: "开始设置",
    countyHalls: "全县大厅",
  },
};

export type TStrings = typeof zhCN;

export const strings: TStrings = zhCN;
