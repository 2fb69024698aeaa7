import type { ReactNode } from "react";

import { performanceStrings } from "./strings";

/** Where the drill-down is: every step but the last is a link (keeping the period). */
export function Breadcrumbs({ steps }: { steps: readonly { key: string; label: string; link?: ReactNode }[] }) {
  return (
    <nav aria-label={performanceStrings.breadcrumbs} className="breadcrumbs">
      <ol>
        {steps.map((step, index) => (
          <li key={step.key} aria-current={index === steps.length - 1 ? "page" : undefined}>
            {index === steps.length - 1 ? step.label : (step.link ?? step.label)}
          </li>
        ))}
      </ol>
    </nav>
  );
}
