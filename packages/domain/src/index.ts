import { z } from "zod";

export * from "./accounts";
export * from "./api-clients";
export * from "./audit";
export * from "./access";
export * from "./calendar";
export * from "./calendar-edits";
export * from "./catalogue";
export * from "./cases";
export * from "./departments";
export * from "./hall-clock";
export * from "./keys";
export * from "./hall-settings";
export * from "./holiday-schedule";
export * from "./channels";
export * from "./errors";
export * from "./floor";
export * from "./levels";
export * from "./metrics";
export * from "./misuse";
export * from "./ranking";
export * from "./ranking-explain";
export * from "./rating-rules";
export * from "./rating-rule-limits";
export * from "./citizen-forms";
export * from "./definitions";
export * from "./province-record";
export * from "./reasons";
export * from "./report-change";
export * from "./roles";
export * from "./schemas";
export * from "./work-order";
export * from "./work-order-steps";
export * from "./privacy";
export * from "./passwords";

// Validation messages zod writes itself (type errors, sizes) appear in Chinese like ours.
z.config(z.locales.zhCN());
