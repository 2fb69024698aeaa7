/**
 * The demo's county centre (SPEC §2): its code, name and region code. The region code is a
 * county's (the county part is not 00), so the demo county's 12-digit code is this and six zeros.
 */
export const DEMO_HALL = {
  code: "DEMO",
  name: "示范县政务服务中心",
  regionCode: "330199",
} as const;
