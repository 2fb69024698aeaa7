import { WORK_ORDER_STATES, type TWorkOrderState } from "@hcp/domain";

const TONES: Partial<Record<TWorkOrderState, string>> = {
  closed: "badge-good",
  replied: "badge-good",
  appealed: "badge-warning",
  cannot_rectify_requested: "badge-warning",
  cannot_rectify: "badge-bad",
};

/** A work order's state in words; colour only repeats what the words say. */
export function StateBadge({ state, testId }: { state: TWorkOrderState; testId?: string }) {
  return (
    <span className={`badge ${TONES[state] ?? ""}`.trim()} data-testid={testId} data-state={state}>
      {WORK_ORDER_STATES[state]}
    </span>
  );
}
