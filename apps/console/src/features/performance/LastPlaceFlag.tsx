import { performanceStrings } from "./strings";

/**
 * 末位: last two months running. Text and a warning sign, so it reads without colour (and in a
 * black-and-white print); the long form is its accessible name.
 */
export function LastPlaceFlag() {
  const t = performanceStrings;
  return (
    <span className="flag flag-last" data-testid="last-place-flag" title={t.lastTwoMonthsLong}>
      <svg className="flag-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path d="M8 1.5 15 14.5H1Z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
        <path d="M8 6v4.2M8 11.8v1" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <span aria-hidden="true">{t.lastTwoMonths}</span>
      <span className="sr-only">{t.lastTwoMonthsLong}</span>
    </span>
  );
}

/** 红榜 / 黑榜 marks in a row: words, never colour alone. */
export function ListMark({ kind }: { kind: "red" | "black" }) {
  const t = performanceStrings;
  return (
    <span className={`flag flag-${kind}`} data-testid={`${kind}-mark`}>
      <span aria-hidden="true" className="flag-symbol">
        {kind === "red" ? "▲" : "▼"}
      </span>
      {t[kind]}
    </span>
  );
}
