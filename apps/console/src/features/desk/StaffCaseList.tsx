import type { ReactNode } from "react";

import { Empty, InlineError } from "../../components/StatusMessages";
import { Table } from "../../components/Table";
import type { TCaseRow } from "../../lib/api-types";
import { formatTime } from "../../lib/format";
import { ProvisionalMark } from "../calendar/ProvisionalMark";
import { deskStrings } from "./strings";

export type TCaseAction = "complete" | "invite" | "withdraw";

type TPromptState = NonNullable<TCaseRow["prompt"]>["state"];

const PROMPT_TAG: Record<TPromptState, string> = {
  pushed: "tag tag-info",
  showing: "tag tag-info",
  rated: "tag tag-success",
  timed_out: "tag tag-warning",
  withdrawn: "tag tag-neutral",
};

/** A prompt still on (or on its way to) the evaluator: it can be withdrawn, not pushed again. */
function isOpenPrompt(state: TPromptState | undefined): boolean {
  return state === "pushed" || state === "showing";
}

export interface StaffCaseListProps {
  cases: readonly TCaseRow[];
  onComplete: (caseId: number) => void;
  onInvite: (caseId: number) => void;
  /** 撤回推送 of the case's open prompt */
  onWithdraw: (caseId: number) => void;
  /** the row whose request is in flight */
  busy: { caseId: number; action: TCaseAction } | null;
  /** the Chinese message of a failed request, by case id */
  errors: Readonly<Record<number, string>>;
  /** cases invited during this visit, shown as pushed before the list refreshes */
  invitedIds: ReadonlySet<number>;
  /** 打印回执 of a completed case; without it the list offers no receipt */
  onReceipt?: (caseId: number, caseNo: string) => void;
  /** the applicant's masked phone, with 查看完整号码 where the page offers it */
  renderContact?: (row: TCaseRow) => ReactNode;
}

/**
 * 今日办件. Staff see whether a case was rated, never how: the row type carries no level and
 * nothing here may show one (SPEC §3, "Staff never see a rating live").
 */
export function StaffCaseList({
  cases,
  onComplete,
  onInvite,
  onWithdraw,
  busy,
  errors,
  invitedIds,
  onReceipt,
  renderContact,
}: StaffCaseListProps) {
  const t = deskStrings;
  if (cases.length === 0) return <Empty label={t.noCases} />;

  return (
    <Table
      aria-labelledby="cases-heading"
      aria-describedby="cases-privacy"
      columns={[t.caseNo, t.caseItem, t.applicant, t.receivedAt, t.status, t.rating]}
    >
      {cases.map((row) => {
        const rowBusy = busy?.caseId === row.id ? busy.action : null;
        const anyBusy = busy !== null;
        // Invited this visit and not yet re-read: shown as pushed until the list catches up.
        const promptState: TPromptState | undefined =
          row.prompt?.state ?? (invitedIds.has(row.id) ? "pushed" : undefined);
        return (
          <tr key={row.id} data-testid="case-row" data-case-no={row.caseNo}>
            <td className="nowrap mono">{row.caseNo}</td>
            <td>{row.itemName}</td>
            <td className="nowrap">
              {row.applicantNameMasked}
              {row.applicantContactMasked ? (
                <div className="small">{renderContact ? renderContact(row) : row.applicantContactMasked}</div>
              ) : null}
            </td>
            <td className="nowrap">{formatTime(row.receivedAt)}</td>
            <td className="nowrap">
              <span className={row.status === "completed" ? "tag tag-neutral" : "tag tag-info"}>
                {t.statuses[row.status]}
              </span>
              {row.dueDate ? (
                <div className="deadline small" data-testid="case-due">
                  {t.dueDate(row.dueDate)}
                  <ProvisionalMark provisional={row.dueDateProvisional} />
                </div>
              ) : null}
            </td>
            <td className="action-cell">
              {row.status === "received" ? (
                <button
                  type="button"
                  className="btn btn-primary btn-small"
                  disabled={anyBusy}
                  onClick={() => onComplete(row.id)}
                >
                  {rowBusy === "complete" ? t.completing : t.complete}
                </button>
              ) : row.rated ? (
                <span className="tag tag-success">{t.rated}</span>
              ) : promptState ? (
                <span className="pushed" data-testid="prompt-state" data-state={promptState}>
                  <span className={PROMPT_TAG[promptState]} role="status" title={t.promptStateHelp[promptState]}>
                    {t.promptStates[promptState]}
                  </span>
                  {isOpenPrompt(promptState) ? (
                    <button
                      type="button"
                      className="btn btn-link btn-small"
                      disabled={anyBusy}
                      onClick={() => onWithdraw(row.id)}
                    >
                      {rowBusy === "withdraw" ? t.withdrawing : t.withdraw}
                    </button>
                  ) : promptState === "rated" ? null : (
                    <button
                      type="button"
                      className="btn btn-link btn-small"
                      disabled={anyBusy}
                      onClick={() => onInvite(row.id)}
                    >
                      {rowBusy === "invite" ? t.inviting : t.reinvite}
                    </button>
                  )}
                </span>
              ) : (
                <button
                  type="button"
                  className="btn btn-primary btn-small"
                  disabled={anyBusy}
                  onClick={() => onInvite(row.id)}
                >
                  {rowBusy === "invite" ? t.inviting : t.invite}
                </button>
              )}
              {row.status === "completed" && onReceipt ? (
                <button type="button" className="btn btn-link btn-small" onClick={() => onReceipt(row.id, row.caseNo)}>
                  {deskStrings.receipt.action}
                </button>
              ) : null}
              <InlineError message={errors[row.id]} />
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
