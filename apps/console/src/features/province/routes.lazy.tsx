import { createLazyRoute } from "@tanstack/react-router";

import { ProvincePage } from "./ProvincePage";

export const provinceScreen = createLazyRoute("/app/province")({ component: ProvincePage });
