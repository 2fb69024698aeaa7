import { useEffect } from "react";

import { strings } from "../lib/strings";

/** Sets the browser tab title, which screen readers announce on navigation. */
export function usePageTitle(page: string): void {
  useEffect(() => {
    document.title = strings.app.pageTitle(page);
  }, [page]);
}
