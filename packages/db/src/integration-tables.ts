import type { ColumnType, Generated, Kysely } from "kysely";

import type { Db } from "./client";
import type { Database } from "./schema";

/**
 * The two tables of migration 2026_11_26_0400_case_import, typed beside their repositories (Kysely's
 * `withTables`) rather than in the shared schema: only the integration repositories read them.
 */
interface CaseStaffTable {
  case_id: number;
  /** 1 = the handler (also case.staff_id), then whoever assisted */
  seq: number;
  staff_id: number;
}

export type TImportMode = "validate" | "all-or-nothing" | "valid-rows";
export type TImportStatus = "running" | "done" | "refused" | "failed";

export interface CaseImportTable {
  id: Generated<number>;
  hall_id: number;
  /** null: an API client started it (the audit chain names which) */
  created_by: number | null;
  file_name: string;
  format: "csv" | "xlsx";
  mode: TImportMode;
  status: TImportStatus;
  progress: ColumnType<number, number | undefined, number>;
  total_rows: ColumnType<number, number | undefined, number>;
  valid_rows: ColumnType<number, number | undefined, number>;
  error_rows: ColumnType<number, number | undefined, number>;
  created_rows: ColumnType<number, number | undefined, number>;
  updated_rows: ColumnType<number, number | undefined, number>;
  error_count: ColumnType<number, number | undefined, number>;
  /** JSON array of TRowError */
  errors: string;
  failure: ColumnType<string, string | undefined, string>;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
}

// A type alias, not an interface: withTables wants a record type.
type TIntegrationTables = {
  case_staff: CaseStaffTable;
  case_import: CaseImportTable;
};

export type TIntegrationDb = Kysely<Database & TIntegrationTables>;

/** The same connection or transaction, seeing the two tables as well. */
export function integrationDb(db: Db): TIntegrationDb {
  return db.withTables<TIntegrationTables>();
}
