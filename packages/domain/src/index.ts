export * from "./calendar";
export * from "./channels";
export * from "./errors";
export * from "./levels";
export * from "./metrics";
export * from "./reasons";
export * from "./roles";
export * from "./schemas";
