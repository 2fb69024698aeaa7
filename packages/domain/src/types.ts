export type TApplicantType = "person" | "legal";
