/**
 * The vocabulary of a case (办件) as SPEC §2 names it: who applied, what kind of case, how it was
 * handled, where it stands. The database columns, the procedures and the screens all use these.
 */

export const APPLICANT_TYPES = { person: "自然人", legal: "法人" } as const;
export type TApplicantType = keyof typeof APPLICANT_TYPES;

/** 即办件 are done on the spot; 承诺件 within a promised number of working days. */
export type TCaseType = "instant" | "promised";

export type THandlingChannel = "window" | "online" | "self_service" | "post";

export type TCaseStatus = "received" | "completed";
