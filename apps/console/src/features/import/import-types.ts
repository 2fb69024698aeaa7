import type { RouterOutputs } from "@hcp/api";

/** An import job's report as importStatus answers it. */
export type TImportView = RouterOutputs["integrationCase"]["importStatus"];
