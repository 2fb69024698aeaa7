import type { ReactNode } from "react";

import { hallDateMinuteText, isBadLevel, NATIONAL_REASONS } from "@hcp/domain";

import { Empty } from "../../components/StatusMessages";
import { PagedTable } from "../../components/Table";
import { formatCount } from "../../lib/format";
import { performanceStrings } from "./strings";
import type { TRatingItem, TRatingPage } from "./types";

const t = performanceStrings;

function reasonLabel(code: string): string {
  return NATIONAL_REASONS.find((reason) => reason.code === code)?.label ?? code;
}

function LevelCell({ row }: { row: TRatingItem }) {
  const bad = isBadLevel(row.level);
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
  if (page.total === 0) return <Empty label={t.noRatings} />;
  return (
    <PagedTable
      count={{ label: t.total(formatCount(page.total)), testId: "rating-total" }}
      emptyLabel={t.noRatings}
      className="rating-table"
      aria-label={t.ratingsSection}
      columns={[t.ratedAt, t.caseNo, t.level, t.channel, t.reasons, t.comment, t.status, t.workOrder]}
      rows={page.rows.map((row) => (
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
      page={page.page}
      total={page.total}
      pageSize={page.pageSize}
      onPageChange={onPageChange}
      pagerOnSinglePage={false}
    />
  );
}
