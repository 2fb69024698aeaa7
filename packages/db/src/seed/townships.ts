import { countWorkingDays, exceptionsFromSchedules } from "@hcp/domain";

import type { TCaseType } from "../schema";
import { creditCode, organisationCode, staffName, type TDemoCatalog } from "./catalog";
import { SeededRandom } from "./random";
import { DEMO_CASES, DEMO_YEAR } from "./simulation";

/**
 * The demo county's 20 township service centres (乡镇便民服务中心, SPEC §2: "20 townships run
 * their own service centres"). A township centre handles the county catalogue's township items
 * (社会事务、社保医保、农业农村、村镇建设、卫生健康、个体工商户) at two to four comprehensive
 * windows with one or two staff each, and sees tens of cases a day. Pure and the same on every call.
 */

export interface TDemoTownship {
  /** 1–20: its place in the county's lists and the last digits of its area code (1XX) */
  number: number;
  name: string;
  /** the hall's code: DEMO-XZ01 … DEMO-XZ20 */
  hallCode: string;
  /** 12-digit 行政区划代码: <county6>1XX000 */
  areaCode: string;
  /** a working day's mean number of cases */
  dailyCases: number;
  /** the province's default rating is required here from the first of last month (as at the county centre) */
  defaultRating: boolean;
}

const TOWNSHIP_NAMES = [
  "青山镇",
  "白沙镇",
  "石桥镇",
  "溪口镇",
  "桃源镇",
  "梅林镇",
  "新塘镇",
  "横山镇",
  "大洋镇",
  "河埠镇",
  "樟村镇",
  "前洋镇",
  "长乐镇",
  "仙岩镇",
  "枫林镇",
  "双溪乡",
  "上庄乡",
  "金竹乡",
  "岭下乡",
  "云溪乡",
] as const;

/** Townships where the province's default rating is switched on ("a few"). */
const DEFAULT_RATING_TOWNSHIPS = new Set([2, 7, 13]);

/** The county's townships; a 镇 is busier than a 乡 (12–20 cases a working day against 10–13). */
export function demoTownships(regionCode: string): TDemoTownship[] {
  const random = new SeededRandom(0x70_2023);
  return TOWNSHIP_NAMES.map((name, index) => {
    const number = index + 1;
    const town = name.endsWith("镇");
    return {
      number,
      name: `${name}便民服务中心`,
      hallCode: `DEMO-XZ${String(number).padStart(2, "0")}`,
      areaCode: `${regionCode}${100 + number}000`,
      dailyCases: town ? random.int(12, 20) : random.int(10, 13),
      defaultRating: DEFAULT_RATING_TOWNSHIPS.has(number),
    };
  });
}

interface TTownshipDepartmentDef {
  key: string;
  name: string;
  /** share of the centre's cases */
  volume: number;
  legalShare: number;
  /** item names; a `*` marks one that waits for review (承诺件) */
  items: readonly string[];
}

const DEPARTMENTS: readonly TTownshipDepartmentDef[] = [
  {
    key: "shsw",
    name: "社会事务办公室",
    volume: 0.24,
    legalShare: 0,
    items: [
      "最低生活保障申请*",
      "特困人员救助供养申请*",
      "临时救助申请*",
      "残疾人证申领",
      "残疾人证换领",
      "困难残疾人生活补贴申请*",
      "重度残疾人护理补贴申请*",
      "高龄津贴申领",
      "退役军人优待证申领",
      "优抚对象定期抚恤补助申请*",
      "殡葬补助申请",
      "居家养老服务补贴申请*",
    ],
  },
  {
    key: "ldbz",
    name: "劳动和社会保障服务所",
    volume: 0.36,
    legalShare: 0.05,
    items: [
      "城乡居民基本养老保险参保登记",
      "城乡居民基本养老保险待遇申领",
      "城乡居民基本医疗保险参保登记",
      "城乡居民基本医疗保险参保信息变更",
      "异地就医备案",
      "医疗费用零星报销*",
      "社会保障卡申领",
      "社会保障卡补领",
      "社会保障卡挂失",
      "就业登记",
      "失业登记",
      "灵活就业人员参保登记",
      "参保缴费证明开具",
      "城乡居民养老保险关系转移*",
    ],
  },
  {
    key: "nyb",
    name: "农业农村办公室",
    volume: 0.14,
    legalShare: 0.15,
    items: [
      "耕地地力保护补贴申报",
      "农机购置补贴申请*",
      "农村土地承包经营权流转合同备案",
      "农村土地承包经营权变更*",
      "种粮大户补贴申报*",
      "农业保险理赔受理*",
      "家庭农场名录登记",
      "动物防疫条件审查初审*",
      "林木采伐许可初审*",
      "农村集体经济组织成员身份确认*",
    ],
  },
  {
    key: "czjs",
    name: "村镇建设办公室",
    volume: 0.08,
    legalShare: 0.1,
    items: [
      "农村村民宅基地审批初审*",
      "乡村建设规划许可*",
      "农村建房开工查验*",
      "农村建房竣工验收*",
      "临时用地审批初审*",
      "农村危房改造补助申请*",
      "门牌号码编制申请",
    ],
  },
  {
    key: "wsjk",
    name: "卫生健康办公室",
    volume: 0.1,
    legalShare: 0,
    items: [
      "生育登记",
      "独生子女父母光荣证申领",
      "农村部分计划生育家庭奖励扶助申请*",
      "计划生育特别扶助申请*",
      "出生医学证明补发*",
      "预防接种证补办",
      "老年人健康体检预约",
    ],
  },
  {
    key: "scjg",
    name: "市场监督管理所",
    volume: 0.08,
    legalShare: 0.8,
    items: [
      "个体工商户设立登记",
      "个体工商户变更登记",
      "个体工商户注销登记",
      "食品小作坊登记*",
      "小餐饮登记*",
      "食品经营许可（仅销售预包装食品）备案",
      "营业执照遗失补领",
      "个体工商户年度报告",
    ],
  },
];

/** Which departments each comprehensive window receives, for a centre of two, three or four windows. */
const WINDOW_LAYOUTS: Readonly<Record<2 | 3 | 4, readonly { name: string; serves: readonly string[] }[]>> = {
  2: [
    { name: "社会事务综合窗口", serves: ["shsw", "ldbz", "wsjk"] },
    { name: "农业农村综合窗口", serves: ["nyb", "czjs", "scjg"] },
  ],
  3: [
    { name: "社会事务综合窗口", serves: ["shsw", "wsjk"] },
    { name: "社保医保综合窗口", serves: ["ldbz"] },
    { name: "农业农村综合窗口", serves: ["nyb", "czjs", "scjg"] },
  ],
  4: [
    { name: "社会事务综合窗口", serves: ["shsw", "wsjk"] },
    { name: "社保医保综合窗口", serves: ["ldbz"] },
    { name: "农业农村综合窗口", serves: ["nyb", "czjs"] },
    { name: "综合通办窗口", serves: ["scjg", "shsw", "ldbz"] },
  ],
};

const PROMISED_DAYS = [3, 5, 5, 7, 10, 15, 20] as const;

/** How many comprehensive windows a centre of this size opens: two for a 乡, up to four for a busy 镇. */
function windowCount(township: TDemoTownship): 2 | 3 | 4 {
  return township.dailyCases < 13 ? 2 : township.dailyCases < 20 ? 3 : 4;
}

/**
 * One township centre in the shape of the county centre's catalogue, so the same set-up and the
 * same simulation serve it: its offices (each with its own unified social credit code), the
 * township items (codes under the township's area code), its windows and its staff.
 */
export function buildTownshipCatalog(township: TDemoTownship): TDemoCatalog {
  const random = new SeededRandom(0x5eed_0000 + township.number);
  const serial = String(township.number).padStart(2, "0");
  const departments = DEPARTMENTS.map((def, index) => ({
    key: def.key,
    name: def.name,
    code: creditCode(
      `11${township.areaCode.slice(0, 6)}${organisationCode(`MB${serial}${index + 1}${random.int(100, 999)}`)}`,
    ),
    sortOrder: index + 1,
    legalShare: def.legalShare,
  }));
  const layout = WINDOW_LAYOUTS[windowCount(township)];
  const windows = layout.map((window, index) => ({
    code: `X${serial}-${String(index + 1).padStart(2, "0")}`,
    name: window.name,
    kind: "comprehensive" as const,
    departmentIndex: null,
    serves: [...window.serves],
    staff: [] as number[],
  }));
  const items = DEPARTMENTS.flatMap((def, departmentIndex) => {
    const weights = def.items.map((_, rank) => (0.4 + random.next()) / (rank + 1));
    const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
    return def.items.map((raw, rank) => {
      const promised = raw.endsWith("*");
      const caseType: TCaseType = promised ? "promised" : "instant";
      const body = `${township.areaCode.slice(0, 9)}${String(departmentIndex + 1).padStart(2, "0")}${String(rank + 1).padStart(3, "0")}01`;
      const check = [...body].reduce((sum, digit, i) => sum + Number(digit) * (i % 2 === 0 ? 3 : 1), 0) % 10;
      return {
        departmentIndex,
        code: `${body}${check}`,
        name: promised ? raw.slice(0, -1) : raw,
        caseType,
        promisedDays: promised ? random.pick(PROMISED_DAYS) : 0,
        volume: (def.volume * (weights[rank] ?? 0)) / weightSum,
        windows: layout.flatMap((window, index) => (window.serves.includes(def.key) ? [index] : [])),
      };
    });
  });
  const departmentIndexOf = new Map(DEPARTMENTS.map((def, index) => [def.key, index]));
  const staff: TDemoCatalog["staff"] = [];
  const usedNames = new Set<string>();
  windows.forEach((window, windowIndex) => {
    // One person per window; a busier centre a second at its first (社会事务) window.
    const people = township.dailyCases >= 18 && windowIndex === 0 ? 2 : 1;
    for (let person = 0; person < people; person++) {
      window.staff.push(staff.length);
      staff.push({
        badgeNo: `X${serial}-${String(staff.length + 1).padStart(3, "0")}`,
        name: staffName(random, usedNames),
        departmentIndex: departmentIndexOf.get(window.serves[person % window.serves.length] ?? "") ?? 0,
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

/**
 * The fraction of the county centre's year a township's simulated days take (the `scale` its
 * history is loaded at): its daily mean over the centre's, times the demo's own scale.
 */
export function townshipScale(township: TDemoTownship, scale: number): number {
  const workingDays = countWorkingDays(`${DEMO_YEAR}-01-01`, `${DEMO_YEAR}-12-31`, exceptionsFromSchedules());
  return (scale * township.dailyCases * workingDays) / DEMO_CASES;
}
