import { isBadLevel, LEVEL_LABELS, LEVELS, type TLevel } from "@hcp/domain/citizen";

import { Face } from "./Face";

/**
 * A label's words: a degree word (非常, 基本) and what it qualifies. A narrow face may wrap its
 * label between them, never inside one ("非常满/意" reads as nonsense).
 */
function labelWords(label: string): string[] {
  const match = /^(非常|基本)(.+)$/.exec(label);
  return match?.[1] && match[2] ? [match[1], match[2]] : [label];
}

function LevelLabel(props: { label: string }) {
  const words = labelWords(props.label);
  return (
    <span className="level-label">
      {words.map((word, index) => (
        <span key={word}>
          {index > 0 ? <wbr /> : null}
          {word}
        </span>
      ))}
    </span>
  );
}

/**
 * The five levels, same size, fixed order (5 → 1), nothing preselected — on every channel.
 * `chosenText` marks the chosen face in words too (not by colour alone); it is not part of the
 * button's name, which aria-pressed already states.
 */
export function LevelPicker(props: {
  value: TLevel | undefined;
  label: string;
  chosenText?: string;
  onChange: (level: TLevel) => void;
}) {
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
          <LevelLabel label={LEVEL_LABELS[option]} />
          {props.chosenText && props.value === option ? (
            <span className="level-chosen" aria-hidden="true">
              {props.chosenText}
            </span>
          ) : null}
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
      <div className="reason-list">
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
      </div>
    </fieldset>
  );
}
