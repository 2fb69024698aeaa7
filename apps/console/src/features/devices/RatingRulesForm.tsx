import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type UseFormRegisterReturn } from "react-hook-form";

import { DEFAULT_RATING_LEVELS, LEVEL_LABELS, RATING_RULE_LIMITS, ZRatingRules, type TRatingRules } from "@hcp/domain";

import { Field } from "../../components/Field";
import { InlineError } from "../../components/StatusMessages";
import { SubmitRow } from "../../components/SubmitRow";
import { deviceStrings } from "./strings";

const t = deviceStrings;
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
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="numeric"
          min={limits.min}
          max={limits.max}
          step={1}
          className="input-short"
          {...input}
        />
      )}
    </Field>
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
        <Field
          id="default-rating-level"
          label={t.defaultRatingLevel}
          hint={t.defaultRatingHint}
          error={errors.defaultRating?.level?.message}
        >
          {(control) => (
            <select {...control} {...register("defaultRating.level", { valueAsNumber: true })}>
              {DEFAULT_RATING_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {LEVEL_LABELS[level]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {canEdit ? <SubmitRow label={t.saveRules} pending={pending} pendingLabel={t.savingRules} done={saved} /> : null}
      </fieldset>
      <InlineError message={error} />
    </form>
  );
}
