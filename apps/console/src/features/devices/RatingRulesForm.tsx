import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { UseFormRegisterReturn } from "react-hook-form";

import { DEFAULT_RATING_LEVELS, LEVEL_LABELS, RATING_RULE_LIMITS, ZRatingRules } from "@hcp/domain";
import type { TRatingRules } from "@hcp/domain";

import { FieldError, InlineError } from "../../components/StatusMessages";
import { strings } from "../../lib/strings";

const t = strings.devices;
const { ratingWindowDays, promptTimeoutSeconds } = RATING_RULE_LIMITS;

/** A whole-number setting with its hint, and its error once the schema refuses it. */
function WholeNumberField(props: {
  id: string;
  label: string;
  hint: string;
  limits: { min: number; max: number };
  error: string | undefined;
  input: UseFormRegisterReturn;
}) {
  const { id, label, hint, limits, error, input } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={limits.min}
        max={limits.max}
        step={1}
        className="input-short"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        {...input}
      />
      <p id={`${id}-hint`} className="muted small">
        {hint}
      </p>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export interface RatingRulesFormProps {
  value: TRatingRules;
  /** false: shown for reading only (督查) */
  canEdit: boolean;
  pending: boolean;
  /** the API's refusal, in Chinese */
  error: string | null;
  saved: string | null;
  onSubmit: (rules: TRatingRules) => void;
}

/** 评价规则: the hall's rating window, the evaluator's timeout and the default-rating rule. */
export function RatingRulesForm({ value, canEdit, pending, error, saved, onSubmit }: RatingRulesFormProps) {
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<TRatingRules>({ resolver: zodResolver(ZRatingRules), values: value });

  return (
    <form className="form settings-form" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <fieldset disabled={!canEdit} className="plain-fieldset">
        <WholeNumberField
          id="rating-window-days"
          label={t.ratingWindowDays}
          hint={t.ratingWindowHint}
          limits={ratingWindowDays}
          error={errors.ratingWindowDays?.message}
          input={register("ratingWindowDays", { valueAsNumber: true })}
        />
        <WholeNumberField
          id="prompt-timeout-seconds"
          label={t.promptTimeoutSeconds}
          hint={t.promptTimeoutHint}
          limits={promptTimeoutSeconds}
          error={errors.promptTimeoutSeconds?.message}
          input={register("promptTimeoutSeconds", { valueAsNumber: true })}
        />
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" {...register("defaultRating.enabled")} /> {t.defaultRatingEnabled}
          </label>
        </div>
        <div className="field">
          <label htmlFor="default-rating-level">{t.defaultRatingLevel}</label>
          <select
            id="default-rating-level"
            aria-invalid={errors.defaultRating?.level ? true : undefined}
            aria-describedby={errors.defaultRating?.level ? "default-rating-hint default-rating-error" : "default-rating-hint"}
            {...register("defaultRating.level", { valueAsNumber: true })}
          >
            {DEFAULT_RATING_LEVELS.map((level) => (
              <option key={level} value={level}>
                {LEVEL_LABELS[level]}
              </option>
            ))}
          </select>
          <p id="default-rating-hint" className="muted small">
            {t.defaultRatingHint}
          </p>
          <FieldError id="default-rating-error" message={errors.defaultRating?.level?.message} />
        </div>
        {canEdit ? (
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={pending} aria-busy={pending || undefined}>
              {t.saveRules}
            </button>
            <span className="muted" role="status">
              {pending ? t.savingRules : saved}
            </span>
          </div>
        ) : null}
      </fieldset>
      <InlineError message={error} />
    </form>
  );
}
