/** 切换大厅's texts (zh-CN), in the console's one shape for a feature's texts. */
const zhCN = {
  label: "所在大厅",
  hint: (county: string) => `${county}的县级账号可以在全县各大厅之间切换；切换后各页面显示所选大厅的数据。`,
  switch: "切换",
  switching: "正在切换…",
  choose: "请选择大厅",
  villageIndent: "　└ ",
};

export type TCountyScopeStrings = typeof zhCN;

export const countyScopeStrings: TCountyScopeStrings = zhCN;
