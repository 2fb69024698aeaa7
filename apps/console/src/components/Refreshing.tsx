import type { ReactNode } from "react";

/**
 * Figures of the previous search stay on screen, dimmed and marked busy for screen readers, while
 * the next search loads (TanStack Query's placeholder data): the table does not jump or blank out.
 */
export function Refreshing({ when, children }: { when: boolean; children: ReactNode }) {
  return (
    <div className={when ? "is-refreshing" : undefined} aria-busy={when || undefined}>
      {children}
    </div>
  );
}
