import { areaCodeProblem } from "./hall-settings";

/**
 * 开始设置: what a hall still lacks before it can take ratings. The server reads the facts off the
 * hall's own rows (packages/db `readSetupFacts`); the rules below turn them into the checklist the
 * console walks an administrator through, in the order a hall is built: hall → departments →
 * catalogue → windows → staff → accounts → evaluators.
 */

/** The hall a platform started from nothing belongs to until its administrator names it. */
export const BLANK_HALL = { code: "HALL", name: "未命名大厅", regionCode: "000000" } as const;

export const SETUP_STEPS = ["hall", "departments", "catalogue", "windows", "staff", "accounts", "evaluators"] as const;
export type TSetupStep = (typeof SETUP_STEPS)[number];

/** What a missing thing is named by: a window's code and name, a staff member's 工号 and name. */
export interface TSetupRef {
  code: string;
  name: string;
}

/** An open (not retired) window as the checklist needs it. */
interface TSetupWindowFacts extends TSetupRef {
  /** the items in service it takes, by the one rule of packages/db receiving-windows.ts (its list, else its departments' items) */
  receives: number;
  /** active staff members who may serve there (staff_window, home window or not) */
  servers: number;
  /** an evaluator is paired to it (holds a device token) */
  evaluatorPaired: boolean;
}

export interface TSetupFacts {
  hallName: string;
  regionCode: string;
  activeDepartments: number;
  /** active service items of active departments */
  activeItems: number;
  /** in floor order */
  openWindows: readonly TSetupWindowFacts[];
  /** active staff members whose home window is open */
  staffWithHomeWindow: number;
  /** active staff members without an active account linked to them, by 工号 */
  staffWithoutAccount: readonly TSetupRef[];
  activeStaff: number;
}

export const SETUP_CHECKS = [
  "hallName",
  "regionCode",
  "department",
  "serviceItem",
  "window",
  "staff",
  "windowStaff",
  "staffAccounts",
  "evaluators",
] as const;
export type TSetupCheck = (typeof SETUP_CHECKS)[number];

/** The step each check belongs to: where the console sends the administrator to put it right. */
const SETUP_CHECK_STEPS: Record<TSetupCheck, TSetupStep> = {
  hallName: "hall",
  regionCode: "hall",
  department: "departments",
  serviceItem: "catalogue",
  window: "windows",
  staff: "staff",
  windowStaff: "staff",
  staffAccounts: "accounts",
  evaluators: "evaluators",
};

interface TSetupItem {
  check: TSetupCheck;
  step: TSetupStep;
  done: boolean;
  /** the windows or staff members still lacking it (only where the check is about each of them) */
  lacking: TSetupRef[];
}

export interface TSetupChecklist {
  /** every check done: the hall can take ratings */
  ready: boolean;
  items: TSetupItem[];
}

function refOf({ code, name }: TSetupRef): TSetupRef {
  return { code, name };
}

/**
 * Each check from the facts. A check about every window or every staff member is not done while
 * there is none at all: an empty hall shows every item missing, not some vacuously done.
 */
export function setupChecklist(facts: TSetupFacts): TSetupChecklist {
  const windows = facts.openWindows;
  const unserved = windows.filter((window) => window.servers === 0).map(refOf);
  const unpaired = windows.filter((window) => !window.evaluatorPaired).map(refOf);
  const outcome: Record<TSetupCheck, { done: boolean; lacking?: TSetupRef[] }> = {
    hallName: { done: facts.hallName.trim() !== "" && facts.hallName !== BLANK_HALL.name },
    regionCode: { done: facts.regionCode !== BLANK_HALL.regionCode && areaCodeProblem(facts.regionCode) === null },
    department: { done: facts.activeDepartments > 0 },
    serviceItem: { done: facts.activeItems > 0 },
    window: { done: windows.some((window) => window.receives > 0) },
    staff: { done: facts.staffWithHomeWindow > 0 },
    windowStaff: { done: windows.length > 0 && unserved.length === 0, lacking: unserved },
    staffAccounts: {
      done: facts.activeStaff > 0 && facts.staffWithoutAccount.length === 0,
      lacking: facts.staffWithoutAccount.map(refOf),
    },
    evaluators: { done: windows.length > 0 && unpaired.length === 0, lacking: unpaired },
  };
  const items = SETUP_CHECKS.map((check) => ({
    check,
    step: SETUP_CHECK_STEPS[check],
    done: outcome[check].done,
    lacking: outcome[check].lacking ?? [],
  }));
  return { ready: items.every((item) => item.done), items };
}
