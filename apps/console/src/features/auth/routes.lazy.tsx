import { createLazyRoute } from "@tanstack/react-router";

import { SignInPage } from "./SignInPage";

export const loginScreen = createLazyRoute("/login")({ component: SignInPage });
