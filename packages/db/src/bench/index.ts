/**
 * The benchmarks' data building and measuring queries (apps/server/bench): kept in packages/db
 * with every other statement, and exported under their own subpath so the service never loads them.
 */
export * from "./bench-data";
export * from "./catalogue";
export * from "./database";
export * from "./demo-seed";
export * from "./province-counts";
export * from "./province-load";
export * from "./province-shape";
export * from "./raw";
export * from "./rows";
export * from "./server";
