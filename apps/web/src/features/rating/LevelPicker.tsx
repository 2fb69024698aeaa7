import { LEVEL_LABELS, LEVELS, isBadLevel } from "@hcp/domain";
import type { TLevel } from "@hcp/domain";

import { Face } from "./Face";

/** The five levels, same size, fixed order (5 → 1), nothing preselected — on every channel. */
export function LevelPicker(props: { value: TLevel | undefined; label: string; onChange: (level: TLevel) => void }) {
  return (
    <div className="levels" role="group" aria-label={props.label}>
      {LEVELS.map((option) => (
        <button
          key={option}
          type="button"
          className={`level ${isBadLevel(option) ? "level-bad" : "level-good"}`}
          data-rating-level={option}
          aria-pressed={props.value === option}
          onClick={() => props.onChange(option)}
        >
          <Face level={option} />
          {LEVEL_LABELS[option]}
        </button>
      ))}
    </div>
  );
}

/** The national reason codes of the chosen level, as toggle buttons. */
export function ReasonPicker(props: {
  legend: string;
  reasons: readonly { code: string; label: string }[];
  chosen: readonly string[];
  onToggle: (code: string) => void;
}) {
  if (props.reasons.length === 0) return null;
  return (
    <fieldset className="reasons">
      <legend>{props.legend}</legend>
      {props.reasons.map((reason) => (
        <button
          key={reason.code}
          type="button"
          className="reason"
          aria-pressed={props.chosen.includes(reason.code)}
          onClick={() => props.onToggle(reason.code)}
        >
          {reason.label}
        </button>
      ))}
    </fieldset>
  );
}
