import type { RouterOutputs } from "@hcp/api";

/** Shapes of the catalogue procedures' answers, named once for the presentational components. */
export type TCataloguePreview = RouterOutputs["catalogue"]["previewImport"];
export type TCatalogueApplied = RouterOutputs["catalogue"]["applyImport"];
export type TCatalogueItemDetail = RouterOutputs["catalogue"]["item"];
