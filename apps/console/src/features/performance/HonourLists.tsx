import { LastPlaceFlag } from "./LastPlaceFlag";
import { performanceStrings } from "./strings";
import type { TRankingRow, TWindowRanking } from "./types";

function ListPanel({
  kind,
  ids,
  rows,
}: {
  kind: "red" | "black";
  ids: readonly number[];
  rows: ReadonlyMap<number, TRankingRow>;
}) {
  const t = performanceStrings;
  const headingId = `${kind}-list-heading`;
  return (
    <section className={`honour-panel honour-${kind}`} aria-labelledby={headingId} data-testid={`${kind}-list`}>
      <h3 id={headingId}>
        <span aria-hidden="true" className="flag-symbol">
          {kind === "red" ? "▲" : "▼"}
        </span>{" "}
        {kind === "red" ? t.redSection : t.blackSection}
      </h3>
      {ids.length === 0 ? (
        <p className="muted">{t.noneRanked}</p>
      ) : (
        <ol className="honour-list">
          {ids.map((id) => {
            const row = rows.get(id);
            if (!row) return null;
            return (
              <li key={id} data-testid="honour-entry">
                <span className="honour-rank">
                  {t.columns.rank} {row.rank}
                </span>
                <span className="honour-name">
                  {row.window.code} {row.window.name}
                </span>
                <span className="honour-score">{row.score}</span>
                {row.lastTwoMonthsRunning ? <LastPlaceFlag /> : null}
                {kind === "black" && row.pulledDownBy ? (
                  <span className="honour-reason" data-testid="pulled-down-by">
                    {t.pulledDownBy(row.pulledDownBy)}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** 红榜 (top five, best first) and 黑榜 (bottom five, worst first), as the server ranked them. */
export function HonourLists({ ranking }: { ranking: Pick<TWindowRanking, "rows" | "red" | "black"> }) {
  const rows = new Map(ranking.rows.map((row) => [row.window.id, row]));
  return (
    <div className="honour-lists">
      <ListPanel kind="red" ids={ranking.red} rows={rows} />
      <ListPanel kind="black" ids={ranking.black} rows={rows} />
    </div>
  );
}
