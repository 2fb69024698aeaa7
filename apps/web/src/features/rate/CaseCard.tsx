import type { ReactNode, RefObject } from "react";

import type { RouterOutputs } from "@hcp/api";
import { LEVEL_LABELS, type TLevel } from "@hcp/domain/citizen";

import { useReasons } from "../../lib/reasons";
import { Face } from "../rating/Face";
import { formatDateTime } from "./rate-helpers";
import { RATE_STRINGS as S } from "./strings";

export type TOnlineCase = RouterOutputs["online"]["lookup"];
export type TOnlineRatingResult = RouterOutputs["online"]["submit"];

/** `wide`: the value takes a line of its own below the term on a narrow phone (a long number). */
function Fact(props: { term: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={props.wide ? "rate-fact rate-fact-wide" : "rate-fact"}>
      <dt>{props.term}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

/** What was done, where and when — shown before the citizen is asked anything (SPEC §3). */
export function CaseCard(props: { found: TOnlineCase }) {
  const { found } = props;
  return (
    <section className="rate-card" aria-labelledby="rate-case-heading" data-testid="rate-case">
      <h2 id="rate-case-heading">{S.caseSection}</h2>
      <dl className="rate-facts">
        <Fact term={S.caseNo} wide>
          <span className="rate-case-no">{found.caseNo}</span>
        </Fact>
        <Fact term={S.item}>{found.itemName}</Fact>
        <Fact term={S.department}>{found.departmentName}</Fact>
        {found.windowName ? <Fact term={S.window}>{found.windowName}</Fact> : null}
        {found.completedAt ? <Fact term={S.completedAt}>{formatDateTime(found.completedAt)}</Fact> : null}
        {found.ratingDeadline && found.status === "open" ? (
          <Fact term={S.deadline}>{formatDateTime(found.ratingDeadline)}</Fact>
        ) : null}
      </dl>
    </section>
  );
}

type TRecorded = NonNullable<TOnlineCase["rating"]>;

function LevelRead({ level }: { level: TLevel }) {
  return (
    <span className={`rate-level-read ${level <= 2 ? "level-bad" : "level-good"}`} data-recorded-level={level}>
      <Face level={level} />
      {LEVEL_LABELS[level]}
    </span>
  );
}

function ReasonList(props: { codes: readonly string[]; labels: ReadonlyMap<string, string> }) {
  return (
    <ul className="rate-reason-list">
      {props.codes.map((code) => (
        <li key={code}>{props.labels.get(code) ?? code}</li>
      ))}
    </ul>
  );
}

/**
 * A recorded rating read back to the citizen: the level (face and words), reasons and time; then
 * the follow-up (追评) and, for a 差评, where its work order stands and the department's answer.
 */
export function RecordedRating(props: {
  heading: string;
  help: string;
  rating: TRecorded;
  followUp?: TRecorded | null;
  workOrder?: TOnlineCase["workOrder"];
  testId: string;
  headingRef?: RefObject<HTMLHeadingElement | null>;
  children?: ReactNode;
}) {
  const reasons = useReasons();
  const labels = new Map(reasons.map((reason) => [reason.code, reason.label]));
  const { rating, followUp, workOrder } = props;
  return (
    <section className="rate-card rate-recorded" aria-labelledby={`${props.testId}-heading`} data-testid={props.testId}>
      <h2 id={`${props.testId}-heading`} ref={props.headingRef} tabIndex={-1}>
        {props.heading}
      </h2>
      <p>{props.help}</p>
      {props.children}
      <dl className="rate-facts">
        <Fact term={S.ratingLevel}>
          <LevelRead level={rating.level} />
        </Fact>
        {rating.reasonCodes.length > 0 ? (
          <Fact term={S.ratingReasons}>
            <ReasonList codes={rating.reasonCodes} labels={labels} />
          </Fact>
        ) : null}
        <Fact term={S.ratedAt}>{formatDateTime(rating.ratedAt)}</Fact>
        {workOrder ? (
          <Fact term={S.workOrder}>
            <span data-testid="rate-work-order" data-state={workOrder.state}>
              {S.workOrderStates[workOrder.state]}
            </span>
          </Fact>
        ) : null}
        {workOrder?.reply ? <Fact term={S.workOrderReply}>{workOrder.reply}</Fact> : null}
        {followUp ? (
          <Fact term={S.followUpRecorded}>
            <LevelRead level={followUp.level} /> {formatDateTime(followUp.ratedAt)}
          </Fact>
        ) : null}
      </dl>
    </section>
  );
}
