import { Link } from "@tanstack/react-router";

import { SETUP_STEPS, type TRole, type TSetupStep } from "@hcp/domain";

import type { TSetupStatus } from "../../lib/api-types";
import { canUse, SCREEN_PATHS, type TScreen } from "../../lib/screens";
import { setupStrings as t } from "./strings";

import "./setup.css";

/** The existing screen each step is done on. */
const STEP_SCREENS: Record<TSetupStep, TScreen> = {
  hall: "hall",
  departments: "departments",
  catalogue: "catalogueImport",
  windows: "windows",
  staff: "staff",
  accounts: "accounts",
  evaluators: "devices",
};

type TSetupItem = TSetupStatus["items"][number];

function Lacking({ item }: { item: TSetupItem }) {
  if (item.done || item.lacking.length === 0) return null;
  const label = item.check === "staffAccounts" ? t.lackingStaff : t.lackingWindows;
  return (
    <p className="setup-lacking">
      {label}
      {item.lacking.map((ref) => t.ref(ref.code, ref.name)).join(t.separator)}
    </p>
  );
}

/**
 * 开始设置's checklist: the steps in the order a hall is built, each with what it still lacks and a
 * link to the screen it is done on (for a role that may open it).
 */
export function SetupChecklist({ status, role }: { status: TSetupStatus; role: TRole }) {
  const missing = status.items.filter((item) => !item.done).length;
  return (
    <>
      <p className={status.ready ? "notice notice-success" : "notice notice-warning"} role="status">
        {status.ready ? t.ready : t.pending(missing)}
      </p>
      <ol className="setup-steps" aria-label={t.stepsLabel}>
        {SETUP_STEPS.map((step, index) => {
          const items = status.items.filter((item) => item.step === step);
          const done = items.every((item) => item.done);
          const screen = STEP_SCREENS[step];
          const headingId = `setup-step-${step}`;
          return (
            <li key={step} className="panel setup-step" aria-labelledby={headingId}>
              <div className="setup-step-heading">
                <h2 id={headingId}>{t.stepHeading(index + 1, t.steps[step].label)}</h2>
                <span className={done ? "badge badge-good" : "badge badge-warning"}>{done ? t.done : t.missing}</span>
              </div>
              <ul className="setup-checks">
                {items.map((item) => (
                  <li key={item.check} className={item.done ? "setup-check is-done" : "setup-check"}>
                    <span className="setup-check-mark" aria-hidden="true">
                      {item.done ? "✓" : "○"}
                    </span>
                    <span>
                      {t.checks[item.check]}
                      <span className="sr-only">{`（${item.done ? t.done : t.missing}）`}</span>
                      <Lacking item={item} />
                    </span>
                  </li>
                ))}
              </ul>
              {canUse(role, screen) ? (
                <Link to={SCREEN_PATHS[screen]} className="btn btn-secondary btn-small">
                  {t.steps[step].link}
                </Link>
              ) : (
                <p className="muted">{t.noAccess}</p>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
