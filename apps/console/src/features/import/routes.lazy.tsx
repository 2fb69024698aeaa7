import { createLazyRoute } from "@tanstack/react-router";

import { ImportPage } from "./ImportPage";

export const importScreen = createLazyRoute("/app/import")({ component: ImportPage });
