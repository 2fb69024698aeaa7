// The demo's entry (`@hcp/api/demo`): the demo hall (the county centre) and the demo county around it.
export { isDemoHallSeeded, seedDemoHall, type TDemoSeedResult } from "./demo-hall";
export {
  seedDemoCounty,
  type TDemoCountySeedOptions,
  type TDemoCountySeedResult,
  type TDemoTownshipResult,
} from "./demo-county";
export type { TDemoAccount } from "./demo-set-up";
