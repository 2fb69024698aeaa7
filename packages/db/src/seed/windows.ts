/**
 * The hall floor: the 9 comprehensive acceptance windows of the 2023 report (each replacing
 * several departmental windows, "进一扇门，办一揽子事") and the special windows beside them.
 *
 * Which departments a comprehensive window serves is demo knowledge only: the schema has no table
 * for it. `serves` entries are department keys, optionally narrowed to items whose name contains
 * one of the words after a colon (`sw:契税,土地增值税`). A special window with `keywords` takes
 * those items of its departments exclusively (出入境 items are handled at the 出入境 window only).
 */
export interface TWindowDef {
  code: string;
  name: string;
  kind: "comprehensive" | "special";
  /** the owning department of a special window */
  department: string | null;
  serves: readonly string[];
  keywords?: readonly string[];
  /** one entry per staff member: the department they belong to */
  staff: readonly string[];
}

export const WINDOWS: readonly TWindowDef[] = [
  {
    code: "A01",
    name: "投资项目综合受理窗口",
    kind: "comprehensive",
    department: null,
    serves: ["fgj", "jxj", "kjj", "zrzy", "sthj", "zjj", "slj", "yjj", "rfb", "qxj", "xf", "ggzy", "swj"],
    staff: ["fgj", "zrzy", "zjj"],
  },
  {
    code: "A02",
    name: "市场监管综合受理窗口",
    kind: "comprehensive",
    department: null,
    serves: ["scjg", "yc", "xcb", "swj"],
    staff: ["scjg", "scjg", "yc"],
  },
  {
    code: "A03",
    name: "不动产登记综合受理窗口",
    kind: "comprehensive",
    department: null,
    serves: ["bdc", "sw:契税,土地增值税,房产税", "zjj:网签,房屋交易"],
    staff: ["bdc", "bdc", "sw"],
  },
  {
    code: "A04",
    name: "纳税服务综合受理窗口",
    kind: "comprehensive",
    department: null,
    serves: ["sw", "czj"],
    staff: ["sw", "sw", "sw"],
  },
  {
    code: "A05",
    name: "公积金综合受理窗口",
    kind: "comprehensive",
    department: null,
    serves: ["gjj"],
    staff: ["gjj", "gjj", "gjj"],
  },
  {
    code: "A06",
    name: "社保医保综合受理窗口",
    kind: "comprehensive",
    department: null,
    serves: ["rsj", "ybj", "sbzx", "zgh"],
    staff: ["rsj", "ybj", "sbzx"],
  },
  {
    code: "A07",
    name: "公安户政综合受理窗口",
    kind: "comprehensive",
    department: null,
    serves: ["gaj"],
    staff: ["gaj", "gaj", "gaj"],
  },
  {
    code: "A08",
    name: "民生事务综合受理窗口",
    kind: "comprehensive",
    department: null,
    serves: ["mzj", "wjj", "jyj", "cl", "sfj", "dag", "mzzj"],
    staff: ["mzj", "wjj", "cl"],
  },
  {
    code: "A09",
    name: "综合通办窗口",
    kind: "comprehensive",
    department: null,
    serves: ["jtj", "nyj", "wgl", "lyj", "cgj", "tjj", "zwb", "czj", "dag"],
    staff: ["jtj", "nyj", "wgl"],
  },
  {
    code: "B01",
    name: "出入境业务窗口",
    kind: "special",
    department: "gaj",
    serves: ["gaj"],
    keywords: ["护照", "港澳", "台湾", "签注", "出入境", "外国人"],
    staff: ["gaj", "gaj", "gaj"],
  },
  {
    code: "B02",
    name: "车驾管业务窗口",
    kind: "special",
    department: "jj",
    serves: ["jj"],
    staff: ["jj", "jj", "jj"],
  },
  {
    code: "B03",
    name: "婚姻登记窗口",
    kind: "special",
    department: "mzj",
    serves: ["mzj"],
    keywords: ["婚姻", "结婚", "离婚", "收养"],
    staff: ["mzj", "mzj"],
  },
  {
    code: "B04",
    name: "水电气网联办窗口",
    kind: "special",
    department: "gd",
    serves: ["gd", "zls", "rq", "dx", "gdwl"],
    staff: ["gd", "zls", "rq"],
  },
  {
    code: "B05",
    name: "邮政寄递窗口",
    kind: "special",
    department: "yz",
    serves: ["yz"],
    staff: ["yz", "yz"],
  },
  {
    code: "B06",
    name: "帮办代办窗口",
    kind: "special",
    department: "zwb",
    serves: ["zwb"],
    keywords: ["帮办代办"],
    staff: ["zwb", "fgj"],
  },
  {
    code: "B07",
    name: "“办不成事”反映窗口",
    kind: "special",
    department: "zwb",
    serves: ["zwb"],
    keywords: ["办不成事", "投诉", "申诉"],
    staff: ["zwb", "zwb"],
  },
  {
    code: "B08",
    name: "公证服务窗口",
    kind: "special",
    department: "gzc",
    serves: ["gzc"],
    staff: ["gzc", "gzc"],
  },
  {
    code: "B09",
    name: "发票领用窗口",
    kind: "special",
    department: "sw",
    serves: ["sw"],
    keywords: ["发票"],
    staff: ["sw", "sw"],
  },
  {
    code: "B10",
    name: "退役军人服务窗口",
    kind: "special",
    department: "tyj",
    serves: ["tyj"],
    staff: ["tyj", "tyj"],
  },
];
