import { ROLES, stepContentText, WORK_ORDER_ACTIONS } from "@hcp/domain";

import type { TWorkOrderDetail } from "../../lib/api-types";
import { Deadline } from "./Deadline";
import { workOrderStrings } from "./strings";

type TNext = TWorkOrderDetail["next"];

/** Who the order waits for, by role and name: "部门负责人 王芳". */
export function nextActorText(next: TNext): string | null {
  if (next.actor === null) return null;
  const names = next.actorNames.length > 0 ? next.actorNames.join("、") : workOrderStrings.noActorAccount;
  return `${ROLES[next.actor]} ${names}`;
}

/**
 * 下一步: who acts next, what they do, by when and what they must enter — the same for every
 * viewer, with whether it is the viewer's turn. The rule is the domain's nextStep; the names
 * and the deadline come from the API.
 */
export function NextStep({ order }: { order: TWorkOrderDetail }) {
  const t = workOrderStrings;
  const { next } = order;
  const who = nextActorText(next);
  const yourTurn = next.actions.some((action) => order.actions.includes(action));
  return (
    <section className="panel" aria-labelledby="wo-next-heading" data-testid="work-order-next">
      <h2 id="wo-next-heading">{t.nextSection}</h2>
      {who === null ? (
        <p>{t.closedNext}</p>
      ) : (
        <>
          <dl className="facts">
            <div>
              <dt>{t.nextActor}</dt>
              <dd data-testid="work-order-next-actor">
                {who}{" "}
                <span className={yourTurn ? "tag tag-info" : "tag"} data-testid="work-order-your-turn">
                  {yourTurn ? t.yourTurn : t.notYourTurn}
                </span>
              </dd>
            </div>
            <div>
              <dt>{t.nextAction}</dt>
              <dd>{next.actions.map((action) => WORK_ORDER_ACTIONS[action]).join(t.or)}</dd>
            </div>
            <div>
              <dt>{t.nextDue}</dt>
              <dd>
                {order.deadline && order.due ? (
                  <Deadline
                    kind={order.deadline}
                    due={order.due}
                    daysLeft={order.daysLeft}
                    overdue={order.overdue}
                    escalation={order.escalation}
                    provisional={order.deadlineProvisional}
                  />
                ) : (
                  t.noStepDeadline
                )}
              </dd>
            </div>
            <div>
              <dt>{t.nextContent}</dt>
              <dd>
                {next.actions.length === 1 && next.actions[0] ? (
                  stepContentText(next.actions[0])
                ) : (
                  <ul className="reason-list">
                    {next.actions.map((action) => (
                      <li key={action}>{t.contentOf(WORK_ORDER_ACTIONS[action], stepContentText(action))}</li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          </dl>
          {order.state === "appealed" ? <p className="muted small">{t.appealPaused}</p> : null}
          {next.followUpCloses ? <p className="muted small">{t.followUpCloses}</p> : null}
        </>
      )}
    </section>
  );
}
