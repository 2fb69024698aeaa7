import type { TCaseType } from "../schema";
import { DEPARTMENTS, VARIANT_SETS, type TDepartmentDef, type TOrgKind } from "./departments";
import { SeededRandom } from "./random";
import { WINDOWS } from "./windows";

/** The 2023 report's catalogue: 1,444 items handled in the hall, 68.41% of them 即办件. */
export const DEMO_ITEM_COUNT = 1444;
export const DEMO_INSTANT_SHARE = 0.6841;

interface TDemoDepartment {
  key: string;
  name: string;
  /** 18-character unified social credit code */
  code: string;
  sortOrder: number;
  /** businesses (法人) are this share of its applicants */
  legalShare: number;
}

interface TDemoItem {
  departmentIndex: number;
  code: string;
  name: string;
  caseType: TCaseType;
  promisedDays: number;
  /** share of the hall's cases, relative */
  volume: number;
  /** indexes into `windows` where the item is accepted */
  windows: number[];
}

interface TDemoWindow {
  code: string;
  name: string;
  kind: "comprehensive" | "special";
  departmentIndex: number | null;
  /** department keys it serves (a comprehensive window's 一窗受理 list) */
  serves: string[];
  staff: number[];
}

interface TDemoStaff {
  badgeNo: string;
  name: string;
  departmentIndex: number;
  windowIndex: number;
  /** relative share of the window's cases */
  load: number;
  /** multiplies the chance of a bad review: a few staff attract more of them */
  badFactor: number;
}

export interface TDemoCatalog {
  departments: TDemoDepartment[];
  items: TDemoItem[];
  windows: TDemoWindow[];
  staff: TDemoStaff[];
}

/** Departments whose applicants are mostly businesses. */
const BUSINESS_FACING = new Set([
  "fgj",
  "jxj",
  "kjj",
  "zrzy",
  "sthj",
  "zjj",
  "jtj",
  "slj",
  "yjj",
  "rfb",
  "qxj",
  "xf",
  "ggzy",
  "swj",
  "yc",
  "xcb",
  "scjg",
  "sw",
]);

const CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function charValue(char: string): number {
  const code = char.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 55;
}

/** GB 11714 organisation code: eight characters and a check character. */
export function organisationCode(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += charValue(body[i] ?? "0") * (ORG_WEIGHTS[i] ?? 0);
  const check = 11 - (sum % 11);
  return `${body}${check === 10 ? "X" : check === 11 ? "0" : String(check)}`;
}

/** GB 32100 unified social credit code: 17 characters and a check character. */
export function creditCode(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(body17[i] ?? "0") * (CREDIT_WEIGHTS[i] ?? 0);
  const check = (31 - (sum % 31)) % 31;
  return `${body17}${CREDIT_CHARS[check] ?? "0"}`;
}

const REGISTRAR: Record<TOrgKind, string> = { organ: "11", institution: "12", group: "13", enterprise: "91" };

function departmentCode(random: SeededRandom, regionCode: string, kind: TOrgKind, sortOrder: number): string {
  const serial = `${String(sortOrder).padStart(2, "0")}${String(random.int(0, 9999)).padStart(4, "0")}`;
  const body = kind === "enterprise" ? `7${random.pick(["0", "1", "2", "3"])}${serial}` : `MB${serial}`;
  return creditCode(`${REGISTRAR[kind]}${regionCode}${organisationCode(body)}`);
}

/** National 权力类型 code of an item, guessed from its name. */
function powerType(name: string, department: TDepartmentDef): string {
  if (department.kind === "enterprise") return "20";
  if (/许可|核发|审批|核准/.test(name)) return "01";
  if (/补贴|津贴|救助|抚恤|补助|待遇|给付|扶助|发放/.test(name)) return "05";
  if (/缴纳|征收/.test(name)) return "04";
  if (/仲裁|裁决|调解|复核|复议/.test(name)) return "09";
  if (/登记|认定|确认|鉴定|备案/.test(name)) return "07";
  return "20";
}

interface TNamedItem {
  name: string;
  baseIndex: number;
  variantIndex: number;
}

/** A department's item names, the first sub-item of every subject first (the common ones). */
function expandItemNames(department: TDepartmentDef): TNamedItem[] {
  const expanded = department.bases.map((base, baseIndex) => {
    const [subject = "", variantText] = base.split("|");
    if (variantText === undefined) return [{ name: subject, baseIndex, variantIndex: 0 }];
    const variants = variantText.startsWith("@") ? VARIANT_SETS[variantText.slice(1)] : variantText.split(",");
    if (!variants) throw new Error(`unknown variant set ${variantText} in ${department.name}`);
    return variants.map((variant, variantIndex) => ({ name: `${subject}${variant}`, baseIndex, variantIndex }));
  });
  const names: TNamedItem[] = [];
  const longest = Math.max(...expanded.map((list) => list.length));
  for (let round = 0; round < longest; round++) {
    for (const list of expanded) {
      const item = list[round];
      if (item) names.push(item);
    }
  }
  const unique = new Set(names.map((item) => item.name));
  if (unique.size !== names.length) throw new Error(`duplicate item names in ${department.name}`);
  return names;
}

/** Splits `total` over `weights` with every share capped, rounding by largest remainder. */
function allocate(total: number, weights: readonly number[], caps: readonly number[]): number[] {
  const counts = weights.map(() => 0);
  const fixed = new Set<number>();
  let remaining = total;
  for (;;) {
    const open = weights.map((_, index) => index).filter((index) => !fixed.has(index));
    const weightSum = open.reduce((sum, index) => sum + (weights[index] ?? 0), 0);
    const overflow = open.filter((index) => ((weights[index] ?? 0) / weightSum) * remaining > (caps[index] ?? 0));
    if (overflow.length === 0) {
      const exact = open.map((index) => ((weights[index] ?? 0) / weightSum) * remaining);
      open.forEach((index, i) => (counts[index] = Math.floor(exact[i] ?? 0)));
      let left = remaining - open.reduce((sum, index) => sum + (counts[index] ?? 0), 0);
      const order = open
        .map((index, i) => ({ index, remainder: (exact[i] ?? 0) - Math.floor(exact[i] ?? 0) }))
        .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
      for (const { index } of order) {
        if (left === 0) break;
        counts[index] = (counts[index] ?? 0) + 1;
        left--;
      }
      return counts;
    }
    for (const index of overflow) {
      counts[index] = caps[index] ?? 0;
      remaining -= counts[index];
      fixed.add(index);
    }
    if (fixed.size === weights.length) throw new Error("the catalogue has fewer item names than items");
  }
}

const SLOW_WORDS =
  /许可|审批|核准|认定|鉴定|验收|审查|审核|评审|评定|首次登记|转移登记|抵押|预告|居住权|地役权|更正登记|公证|仲裁|复核|复议|初审|设立审批|资质|退休|评估/;
const QUICK_WORDS =
  /补领|补办|补证|补发|换领|换发|挂失|解挂|查询|开具|出具|打印|申报|缴纳|注销|变更|备案|预约|激活|启用|密码|发票|签注|登记|报装|过户|销户|申领|寄递|收寄|迁移|校验/;
const PROMISED_DAYS: readonly (readonly [number, number])[] = [
  [1, 4],
  [3, 20],
  [5, 26],
  [7, 15],
  [10, 15],
  [15, 11],
  [20, 9],
];
const LONG_PROMISED_DAYS: readonly (readonly [number, number])[] = [
  [3, 8],
  [5, 18],
  [7, 16],
  [10, 20],
  [15, 20],
  [20, 18],
];

const SURNAMES = [
  ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金方俞",
];
const GIVEN_ONE = [..."伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚英华萍鹏飞婷雪琳晨宇浩欣怡慧燕丹"];
const GIVEN_TWO = [
  "建国",
  "晓东",
  "春燕",
  "海燕",
  "志强",
  "丽娟",
  "文华",
  "思远",
  "欣怡",
  "佳慧",
  "浩然",
  "雨婷",
  "子涵",
  "俊杰",
  "晓明",
  "秀英",
  "玉兰",
  "志刚",
  "建华",
  "国平",
  "红梅",
  "立新",
  "振华",
  "晓燕",
  "雪梅",
  "婷婷",
  "伟东",
  "明辉",
  "海涛",
  "一鸣",
  "梦瑶",
  "诗琪",
  "雅琴",
  "晓丽",
  "永强",
  "文静",
  "建军",
  "利民",
  "瑞芳",
  "亚楠",
  "嘉怡",
  "晨曦",
  "丽华",
  "少华",
  "新民",
];

/** A staff member's name, unique in `used`. */
export function staffName(random: SeededRandom, used: Set<string>): string {
  for (;;) {
    const given = random.chance(0.65) ? random.pick(GIVEN_TWO) : random.pick(GIVEN_ONE);
    const name = `${random.pick(SURNAMES)}${given}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

/** Everything about the hall except its year of cases: pure and the same on every call. */
export function buildDemoCatalog(regionCode: string): TDemoCatalog {
  const random = new SeededRandom(0x5eed_2023);
  const departments: TDemoDepartment[] = DEPARTMENTS.map((def, index) => ({
    key: def.key,
    name: def.name,
    code: departmentCode(random, regionCode, def.kind, index + 1),
    sortOrder: index + 1,
    legalShare: BUSINESS_FACING.has(def.key) ? 0.45 : def.kind === "enterprise" ? 0.12 : 0.05,
  }));
  if (new Set(departments.map((d) => d.name)).size !== departments.length)
    throw new Error("duplicate department names");
  const departmentIndex = new Map(departments.map((department, index) => [department.key, index]));
  const indexOf = (key: string): number => {
    const index = departmentIndex.get(key);
    if (index === undefined) throw new Error(`unknown department ${key}`);
    return index;
  };

  // Items: each department's share of 1,444, capped by how many names it has.
  const names = DEPARTMENTS.map((def) => expandItemNames(def));
  const counts = allocate(
    DEMO_ITEM_COUNT,
    DEPARTMENTS.map((def) => def.items),
    names.map((list) => list.length),
  );
  const drafts: (Omit<TDemoItem, "caseType" | "promisedDays" | "windows"> & { score: number; slow: boolean })[] = [];
  DEPARTMENTS.forEach((def, deptIndex) => {
    const chosen = (names[deptIndex] ?? []).slice(0, counts[deptIndex] ?? 0);
    const popularity = chosen.map((_, rank) => (0.4 + random.next()) / (rank + 1));
    const popularitySum = popularity.reduce((sum, value) => sum + value, 0);
    chosen.forEach((named, rank) => {
      const slow = SLOW_WORDS.test(named.name);
      const quick = QUICK_WORDS.test(named.name);
      const typeCode = powerType(named.name, def);
      // 区划 + 权力类型 + 部门 + 主项 + 子项 + 版本, then a check digit: 21 digits.
      const dept = String(deptIndex + 1).padStart(3, "0");
      const main = String(named.baseIndex + 1).padStart(4, "0");
      const sub = String(named.variantIndex + 1).padStart(3, "0");
      const body = `${regionCode}${typeCode}${dept}${main}${sub}01`;
      const check = [...body].reduce((sum, digit, i) => sum + Number(digit) * (i % 2 === 0 ? 3 : 1), 0) % 10;
      drafts.push({
        departmentIndex: deptIndex,
        code: `${body}${check}`,
        name: named.name,
        volume: (def.volume * (popularity[rank] ?? 0)) / popularitySum,
        // 许可（新办） waits for review; 许可（注销） and 补领 are done on the spot.
        score: (slow ? (quick ? 0.35 : 0.05) : quick ? 0.65 : 0.4) + random.next() * 0.3,
        slow,
      });
    });
  });
  if (new Set(drafts.map((item) => item.code)).size !== drafts.length) throw new Error("duplicate item codes");

  // Exactly 68.41% of the catalogue are 即办件: the items most likely to be done on the spot.
  const instantCount = Math.round(DEMO_ITEM_COUNT * DEMO_INSTANT_SHARE);
  const byScore = drafts
    .map((draft, index) => ({ index, score: draft.score }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const instant = new Set(byScore.slice(0, instantCount).map((entry) => entry.index));

  const windows: TDemoWindow[] = WINDOWS.map((def) => ({
    code: def.code,
    name: def.name,
    kind: def.kind,
    departmentIndex: def.department === null ? null : indexOf(def.department),
    serves: def.serves.map((entry) => entry.split(":")[0] ?? entry),
    staff: [],
  }));
  const items: TDemoItem[] = drafts.map((draft, index) => {
    const department = departments[draft.departmentIndex];
    const matches = (keywords: readonly string[]): boolean => keywords.some((word) => draft.name.includes(word));
    const exclusive: number[] = [];
    const shared: number[] = [];
    WINDOWS.forEach((def, windowIndex) => {
      for (const entry of def.serves) {
        const [key, words] = entry.split(":");
        if (key !== department?.key) continue;
        if (def.keywords) {
          if (matches(def.keywords)) exclusive.push(windowIndex);
        } else if (words === undefined || matches(words.split(","))) {
          shared.push(windowIndex);
        }
      }
    });
    const itemWindows = exclusive.length > 0 ? exclusive : shared;
    if (itemWindows.length === 0) throw new Error(`no window accepts ${department?.name ?? "?"} ${draft.name}`);
    const isInstant = instant.has(index);
    return {
      departmentIndex: draft.departmentIndex,
      code: draft.code,
      name: draft.name,
      caseType: isInstant ? "instant" : "promised",
      promisedDays: isInstant ? 0 : random.weighted(draft.slow ? LONG_PROMISED_DAYS : PROMISED_DAYS),
      volume: draft.volume,
      windows: itemWindows,
    };
  });

  const staff: TDemoStaff[] = [];
  const usedNames = new Set<string>();
  WINDOWS.forEach((def, windowIndex) => {
    for (const key of def.staff) {
      const badgeNo = `SF-${String(staff.length + 1).padStart(4, "0")}`;
      windows[windowIndex]?.staff.push(staff.length);
      staff.push({
        badgeNo,
        name: staffName(random, usedNames),
        departmentIndex: indexOf(key),
        windowIndex,
        load: 0.7 + random.next() * 0.6,
        badFactor: random.weighted([
          [0.4, 3],
          [1, 10],
          [2.5, 2],
          [5, 1],
        ]),
      });
    }
  });
  return { departments, items, windows, staff };
}

/** The province's catalogue export's columns, as the demo's catalogue file lists them. */
export const DEMO_CATALOGUE_HEADER = [
  "事项编码",
  "事项名称",
  "实施部门",
  "办件类型",
  "承诺时限",
  "法定时限",
  "是否进驻大厅",
  "受理窗口",
] as const;

/**
 * The demo's 1,444 items as the province's catalogue export lists them, one row per item in the
 * header's order: 法定时限 twice the promise time, every item in the hall, 受理窗口 by window code.
 */
export function demoCatalogueRows(catalog: TDemoCatalog): string[][] {
  return catalog.items.map((item) => [
    item.code,
    item.name,
    catalog.departments[item.departmentIndex]?.name ?? "",
    item.caseType === "instant" ? "即办件" : "承诺件",
    String(item.promisedDays),
    item.promisedDays > 0 ? String(item.promisedDays * 2) : "",
    "是",
    item.windows.map((index) => catalog.windows[index]?.code ?? "").join("、"),
  ]);
}
