import type { ReactNode } from "react";

import { hallDateMinuteText, isBadLevel, NATIONAL_REASONS } from "@hcp/domain";
import type { TLevel } from "@hcp/domain";

import { formatCount } from "../../lib/format";
import { performanceStrings } from "./strings";
import type { TRatingItem, TRatingPage } from "./types";

const t = performanceStrings;

function reasonLabel(code: string): string {
  return NATIONAL_REASONS.find((reason) => reason.code === code)?.label ?? code;
}

function LevelCell({ row }: { row: TRatingItem }) {
  const bad = isBadLevel(row.level as TLevel);
  return (
    <span className={bad ? "tag tag-danger" : "tag tag-success"} data-level={row.level}>
      {row.levelLabel}
    </span>
  );
}

/**
 * The ratings behind a figure, one page at a time, each with its case. An excluded rating (appeal
 * upheld) is listed and marked: rates leave it out, lists never hide it.
 */
export function RatingList({
  page,
  renderWorkOrderLink,
  onPageChange,
}: {
  page: TRatingPage;
  renderWorkOrderLink: (row: TRatingItem & { workOrderId: number }) => ReactNode;
  onPageChange: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  if (page.total === 0) return <p className="status-line status-empty">{t.noRatings}</p>;
  return (
    <>
      <p className="total-line" data-testid="rating-total">
        {t.total(formatCount(page.total))}
      </p>
      <div className="table-wrap">
        <table className="data-table rating-table" aria-label={t.ratingsSection}>
          <thead>
            <tr>
              <th scope="col">{t.ratedAt}</th>
              <th scope="col">{t.caseNo}</th>
              <th scope="col">{t.level}</th>
              <th scope="col">{t.channel}</th>
              <th scope="col">{t.reasons}</th>
              <th scope="col">{t.comment}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.workOrder}</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((row) => (
              <tr key={row.ratingId} data-testid="rating-row" className={row.excluded ? "is-excluded" : undefined}>
                <td className="nowrap">{hallDateMinuteText(new Date(row.ratedAt))}</td>
                <td>
                  <span className="mono" data-testid="rating-case-no">
                    {row.caseNo}
                  </span>
                  {row.followUp ? <span className="tag tag-info heading-tag">{t.followUp}</span> : null}
                  {row.isDefault ? <span className="tag tag-neutral heading-tag">{t.defaultRating}</span> : null}
                </td>
                <td>
                  <LevelCell row={row} />
                </td>
                <td>{row.channelLabel}</td>
                <td>
                  {row.reasonCodes.length === 0 ? (
                    t.noComment
                  ) : (
                    <ul className="reason-list">
                      {row.reasonCodes.map((code) => (
                        <li key={code}>{reasonLabel(code)}</li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="prewrap">{row.comment || t.noComment}</td>
                <td>
                  {row.excluded ? (
                    <span className="tag tag-warning" title={t.excludedNote} data-testid="excluded-mark">
                      {t.excluded}
                      <span className="sr-only">（{t.excludedNote}）</span>
                    </span>
                  ) : (
                    t.counted
                  )}
                </td>
                <td>
                  {row.workOrderId === null ? (
                    t.noComment
                  ) : (
                    <>
                      {renderWorkOrderLink({ ...row, workOrderId: row.workOrderId })}
                      {row.workOrderState ? <span className="muted small"> {row.workOrderState}</span> : null}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav className="pager" aria-label={t.pagination}>
          <button type="button" className="btn btn-secondary btn-small" disabled={page.page <= 1} onClick={() => onPageChange(page.page - 1)}>
            {t.previous}
          </button>
          <span>{t.pageOf(page.page, pages)}</span>
          <button type="button" className="btn btn-secondary btn-small" disabled={page.page >= pages} onClick={() => onPageChange(page.page + 1)}>
            {t.next}
          </button>
        </nav>
      ) : null}
    </>
  );
}
