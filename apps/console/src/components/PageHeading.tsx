import { useEffect, useRef, type ReactNode } from "react";

import { usePageTitle } from "./usePageTitle";

/**
 * The page's h1. It takes focus when the page opens so keyboard and screen-reader users start
 * at the new content rather than at the top of the previous page.
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  usePageTitle(title);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div className="page-heading">
      <h1 ref={ref} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}
