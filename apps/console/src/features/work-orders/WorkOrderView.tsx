import type { ReactNode } from "react";

import { CHANNELS, CONTACT_FIELDS, labelOf, NATIONAL_REASONS, ROLES, type TContactField } from "@hcp/domain";

import type { TWorkOrderDetail, TWorkOrderEvent } from "../../lib/api-types";
import { strings } from "../../lib/strings";
import { auditStrings } from "../audit/strings";
import { formatDateTime } from "./format";
import { NextStep } from "./NextStep";
import { StateBadge } from "./StateBadge";
import { workOrderStrings } from "./strings";
import { levelLabel } from "./WorkOrderTable";

export interface WorkOrderViewProps {
  order: TWorkOrderDetail;
  /** the applicant's masked phone or ID number, with 查看完整号码 where the page offers it */
  renderContact?: (field: TContactField, masked: string) => ReactNode;
}

function reasonLabel(code: string): string {
  return NATIONAL_REASONS.find((reason) => reason.code === code)?.label ?? code;
}

function channelLabel(channel: number): string {
  return (CHANNELS as Record<number, string>)[channel] ?? String(channel);
}

/** Who took a step: a named user and role, the system, or the citizen (never named). */
function actorLabel(event: Pick<TWorkOrderEvent, "actorName" | "actorRole">): string {
  const t = workOrderStrings;
  if (event.actorRole === "system") return t.system;
  if (event.actorRole === "citizen") return t.citizen;
  const role = labelOf(ROLES, event.actorRole);
  return event.actorName ? `${event.actorName}（${role}）` : role;
}

function extensionText(order: TWorkOrderDetail): string {
  const states = workOrderStrings.extensionStates;
  switch (order.extension) {
    case "none":
      return states.none;
    case "requested":
      return states.requested(order.extensionDays);
    case "approved":
      return states.approved(order.extensionDays);
    case "rejected":
      return states.rejected;
  }
}

/**
 * One work order: who acts next, the rating, the case, the deadlines and the timeline. Every field is picked by
 * name — the order view shows the staff member it is about, never the citizen who rated.
 */
export function WorkOrderView({ order, renderContact }: WorkOrderViewProps) {
  const t = workOrderStrings;
  const { rating } = order;
  const caseInfo = order.case;
  return (
    <>
      <section className="panel" aria-labelledby="wo-summary-heading">
        <h2 id="wo-summary-heading" className="sr-only">
          {t.summarySection}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t.state}</dt>
            <dd>
              <StateBadge state={order.state} testId="work-order-state" />
            </dd>
          </div>
        </dl>
      </section>

      <NextStep order={order} />

      <div className="work-order-grid">
        <section className="panel" aria-labelledby="wo-rating-heading">
          <h2 id="wo-rating-heading">
            {t.ratingSection}
            {rating.followUp ? <span className="tag tag-info heading-tag">{t.followUp}</span> : null}
          </h2>
          <dl className="facts">
            <div>
              <dt>{t.level}</dt>
              <dd>
                <span className="level-dot level-bad" aria-hidden="true" />
                {levelLabel(rating.level)}
              </dd>
            </div>
            <div>
              <dt>{t.reasons}</dt>
              <dd>
                {rating.reasonCodes.length === 0 ? (
                  <span className="muted">{t.noReasons}</span>
                ) : (
                  <ul className="reason-list">
                    {rating.reasonCodes.map((code) => (
                      <li key={code}>{reasonLabel(code)}</li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
            <div>
              <dt>{t.comment}</dt>
              <dd className="prewrap">
                {rating.comment === "" ? <span className="muted">{t.noComment}</span> : rating.comment}
              </dd>
            </div>
            <div>
              <dt>{t.ratedAt}</dt>
              <dd>{formatDateTime(rating.ratedAt)}</dd>
            </div>
            <div>
              <dt>{t.channel}</dt>
              <dd>{channelLabel(rating.channel)}</dd>
            </div>
          </dl>
        </section>

        <section className="panel" aria-labelledby="wo-case-heading">
          <h2 id="wo-case-heading">{t.caseSection}</h2>
          <dl className="facts">
            <div>
              <dt>{t.caseNo}</dt>
              <dd className="mono">{caseInfo.caseNo}</dd>
            </div>
            <div>
              <dt>{t.item}</dt>
              <dd>{caseInfo.itemName}</dd>
            </div>
            <div>
              <dt>{t.department}</dt>
              <dd>{caseInfo.departmentName}</dd>
            </div>
            <div>
              <dt>{t.window}</dt>
              <dd>
                {caseInfo.windowCode ? `${caseInfo.windowCode} ${caseInfo.windowName ?? ""}`.trim() : strings.app.dash}
              </dd>
            </div>
            <div>
              <dt>{t.staff}</dt>
              <dd>
                {caseInfo.staffName ?? strings.app.dash}
                {caseInfo.staffBadgeNo ? <span className="muted"> {t.badge(caseInfo.staffBadgeNo)}</span> : null}
              </dd>
            </div>
            <div>
              <dt>{t.completedAt}</dt>
              <dd>{formatDateTime(caseInfo.completedAt)}</dd>
            </div>
            {/* The API sends masked contacts only to those who call the citizen back. */}
            {(["phone", "idNo"] as const).map((field) => {
              const masked = field === "phone" ? caseInfo.applicantContactMasked : caseInfo.applicantIdNoMasked;
              return masked ? (
                <div key={field}>
                  <dt>{CONTACT_FIELDS[field]}</dt>
                  <dd>{renderContact ? renderContact(field, masked) : <span className="mono">{masked}</span>}</dd>
                </div>
              ) : null;
            })}
          </dl>
          <p className="muted small">
            {caseInfo.applicantContactMasked ? auditStrings.reveal.maskedNote : t.privacyNote}
          </p>
        </section>

        <section className="panel" aria-labelledby="wo-deadline-heading">
          <h2 id="wo-deadline-heading">{t.deadlineSection}</h2>
          <dl className="facts">
            <div>
              <dt>{t.contactDeadline}</dt>
              <dd>{order.contactDue}</dd>
            </div>
            <div>
              <dt>{t.rectifyDeadline}</dt>
              <dd>{order.rectifyDue}</dd>
            </div>
            <div>
              <dt>{t.extension}</dt>
              <dd>{extensionText(order)}</dd>
            </div>
          </dl>
          {order.reply !== "" ? (
            <>
              <h3>{t.reply}</h3>
              <p className="prewrap">{order.reply}</p>
            </>
          ) : null}
        </section>
      </div>

      <section className="panel" aria-labelledby="wo-timeline-heading">
        <h2 id="wo-timeline-heading">{t.timelineSection}</h2>
        <ol className="timeline">
          {order.events.map((event) => (
            <li key={event.id} data-testid="work-order-event" data-action={event.action}>
              <time dateTime={event.createdAt} className="timeline-time">
                {formatDateTime(event.createdAt)}
              </time>
              <span className="timeline-action">{event.actionLabel}</span>
              <span className="timeline-actor">{actorLabel(event)}</span>
              {event.appealReason ? (
                <p className="timeline-note">
                  {t.appealReason}：{t.appealReasons[event.appealReason]}
                </p>
              ) : null}
              {event.note !== "" ? <p className="timeline-note prewrap">{event.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
