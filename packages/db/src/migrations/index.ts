import type { Migration, MigrationProvider } from "kysely";

import * as createCore from "./2026_11_25_1800_create_core";
import * as ratingCapture from "./2026_11_25_1900_rating_capture";
import * as workOrders from "./2026_11_25_2000_work_orders";
import * as ratingWindowReceivedIndex from "./2026_11_25_2100_rating_window_received_index";
import * as rollups from "./2026_11_26_0100_rollups";
import * as provinceExport from "./2026_11_26_0200_province_export";
import * as auditChain from "./2026_11_26_0300_audit_chain";
import * as applicantIdNumber from "./2026_11_26_0310_applicant_id_number";
import * as caseImport from "./2026_11_26_0400_case_import";
import * as apiClients from "./2026_11_26_0500_api_clients";
import * as promptWindowCreatedIndex from "./2026_11_26_0600_prompt_window_created_index";
import * as promptCoverageIndex from "./2026_11_26_0700_prompt_coverage_index";
import * as monthRollups from "./2026_11_26_0710_month_rollups";
import * as refusedRatingReports from "./2026_11_26_0800_refused_rating_reports";
import * as defaultRatingBasic from "./2026_11_26_0900_default_rating_basic";
import * as pairingCodeCipher from "./2026_12_07_1400_pairing_code_cipher";
import * as promptStaffSession from "./2026_12_07_1500_prompt_staff_session";
import * as calendarYear from "./2026_12_07_1600_calendar_year";
import * as defaultRatingFrom from "./2026_12_07_1710_default_rating_from";
import * as caseDueDateIndex from "./2026_12_07_1720_case_due_date_index";
import * as windowAssignments from "./2026_12_08_0000_window_assignments";
import * as hallSettingsDepartments from "./2026_12_08_0100_hall_settings_departments";
import * as serviceItemVersions from "./2026_12_08_0200_service_item_versions";
// Windows and staff administered by the hall (floor).
import * as windowFloor from "./2026_12_08_0300_window_floor";
import * as staffRecords from "./2026_12_08_0310_staff_records";
import * as staffPhoto from "./2026_12_08_0320_staff_photo";
import * as staffHomeWindows from "./2026_12_08_0330_staff_home_windows";
import * as userAccounts from "./2026_12_08_0400_user_accounts";
import * as passwordLink from "./2026_12_09_0300_password_link";
import * as county from "./2026_12_10_0000_county";
import * as countyReport from "./2026_12_10_0500_county_report";

/**
 * An explicit registry instead of FileMigrationProvider: it works under Vitest and in any bundle,
 * where dynamic imports of `.ts` files do not. Add each new migration file here.
 */
export const migrations: Record<string, Migration> = {
  "2026_11_25_1800_create_core": createCore,
  "2026_11_25_1900_rating_capture": ratingCapture,
  "2026_11_25_2000_work_orders": workOrders,
  "2026_11_25_2100_rating_window_received_index": ratingWindowReceivedIndex,
  "2026_11_26_0100_rollups": rollups,
  "2026_11_26_0200_province_export": provinceExport,
  "2026_11_26_0300_audit_chain": auditChain,
  "2026_11_26_0310_applicant_id_number": applicantIdNumber,
  "2026_11_26_0400_case_import": caseImport,
  "2026_11_26_0500_api_clients": apiClients,
  "2026_11_26_0600_prompt_window_created_index": promptWindowCreatedIndex,
  "2026_11_26_0700_prompt_coverage_index": promptCoverageIndex,
  "2026_11_26_0710_month_rollups": monthRollups,
  "2026_11_26_0800_refused_rating_reports": refusedRatingReports,
  "2026_11_26_0900_default_rating_basic": defaultRatingBasic,
  "2026_12_07_1400_pairing_code_cipher": pairingCodeCipher,
  "2026_12_07_1500_prompt_staff_session": promptStaffSession,
  "2026_12_07_1600_calendar_year": calendarYear,
  "2026_12_07_1710_default_rating_from": defaultRatingFrom,
  "2026_12_07_1720_case_due_date_index": caseDueDateIndex,
  "2026_12_08_0000_window_assignments": windowAssignments,
  // hall settings and departments
  "2026_12_08_0100_hall_settings_departments": hallSettingsDepartments,
  "2026_12_08_0200_service_item_versions": serviceItemVersions,
  // Windows and staff administered by the hall (floor).
  "2026_12_08_0300_window_floor": windowFloor,
  "2026_12_08_0310_staff_records": staffRecords,
  "2026_12_08_0320_staff_photo": staffPhoto,
  "2026_12_08_0330_staff_home_windows": staffHomeWindows,
  // User accounts kept from the console (accounts).
  "2026_12_08_0400_user_accounts": userAccounts,
  // One-time set-password links (loose ends of accounts).
  "2026_12_09_0300_password_link": passwordLink,
  // One county, many halls (county).
  "2026_12_10_0000_county": county,
  "2026_12_10_0500_county_report": countyReport,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
