import type { KeyboardEvent } from "react";

import { ANALYSIS_VIEWS, type TAnalysisView } from "./analysis-search";
import { analysisStrings } from "./strings";

export function tabId(view: TAnalysisView): string {
  return `analysis-tab-${view}`;
}

export function panelId(view: TAnalysisView): string {
  return `analysis-panel-${view}`;
}

/** The breakdown's dimension as ARIA tabs; arrow keys move between them as screen readers expect. */
export function AnalysisTabs({ active, onSelect }: { active: TAnalysisView; onSelect: (view: TAnalysisView) => void }) {
  const t = analysisStrings;
  const move = (event: KeyboardEvent<HTMLButtonElement>) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const index = ANALYSIS_VIEWS.indexOf(active);
    const next = ANALYSIS_VIEWS[(index + step + ANALYSIS_VIEWS.length) % ANALYSIS_VIEWS.length] ?? active;
    onSelect(next);
    document.getElementById(tabId(next))?.focus();
  };
  return (
    <div className="analysis-tabs" role="tablist" aria-label={t.tabsLabel}>
      {ANALYSIS_VIEWS.map((view) => (
        <button
          key={view}
          id={tabId(view)}
          type="button"
          role="tab"
          className="analysis-tab"
          aria-selected={view === active}
          aria-controls={panelId(view)}
          tabIndex={view === active ? 0 : -1}
          onClick={() => onSelect(view)}
          onKeyDown={move}
        >
          {t.views[view]}
        </button>
      ))}
    </div>
  );
}
