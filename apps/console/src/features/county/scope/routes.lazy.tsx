import { createLazyRoute } from "@tanstack/react-router";

import { CountyHallsPage } from "./CountyHallsPage";

export const countyHallsScreen = createLazyRoute("/app/county-halls")({ component: CountyHallsPage });
