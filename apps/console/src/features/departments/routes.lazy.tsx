import { createLazyRoute } from "@tanstack/react-router";

import { DepartmentsPage } from "./DepartmentsPage";

export const departmentsScreen = createLazyRoute("/app/departments")({ component: DepartmentsPage });
