import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { RANKING_COMPONENTS, ZRankingWeights, type TRankingWeights } from "@hcp/domain";

import { Field } from "../../components/Field";
import { FieldError, InlineError } from "../../components/StatusMessages";
import { SubmitRow } from "../../components/SubmitRow";
import { performanceStrings } from "./strings";
import type { TRankingSettings } from "./types";

const t = performanceStrings;

/** The API's own rules: the domain's weights (summing to 100) and the procedure's sample bounds. */
const ZRankingSettingsForm = z.object({
  weights: ZRankingWeights,
  minSample: z.number().int().min(1).max(10_000),
});
export type TRankingSettingsForm = z.infer<typeof ZRankingSettingsForm>;

/**
 * ZRankingWeights words only its sum rule; every other refusal (empty, not whole, out of range)
 * gets one Chinese sentence per field here. A schema's own message (the sum) still wins.
 */
function chineseIssue(issue: { path?: readonly PropertyKey[] }): string {
  return issue.path?.[0] === "minSample" ? t.minSampleInvalid : t.weightInvalid;
}

const resolver = zodResolver(ZRankingSettingsForm, { error: chineseIssue });

export interface RankingSettingsFormProps {
  value: TRankingSettings;
  pending: boolean;
  /** the API's refusal, in Chinese */
  error: string | null;
  saved: string | null;
  onSubmit: (settings: TRankingSettingsForm) => void;
}

/** 排名设置 (hall manager, administrator): the composite score's weights and the minimum sample. */
export function RankingSettingsForm({ value, pending, error, saved, onSubmit }: RankingSettingsFormProps) {
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useForm<TRankingSettingsForm>({ resolver, values: value });
  const weights = watch("weights");
  const sum = RANKING_COMPONENTS.reduce((total, key) => total + (Number.isFinite(weights[key]) ? weights[key] : 0), 0);
  const sumError = errors.weights?.message ?? errors.weights?.root?.message;

  return (
    <form className="form settings-form" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <fieldset className="field" aria-describedby={sumError ? "weights-sum weights-error" : "weights-sum"}>
        <legend>{t.weightsLegend}</legend>
        <div className="field-grid">
          {RANKING_COMPONENTS.map((key: keyof TRankingWeights) => {
            const fieldError = errors.weights?.[key]?.message;
            return (
              <Field key={key} id={`weight-${key}`} label={t.weights[key]} error={fieldError}>
                {(control) => (
                  <input
                    {...control}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={100}
                    step={1}
                    className="input-short"
                    {...register(`weights.${key}`, { valueAsNumber: true })}
                  />
                )}
              </Field>
            );
          })}
        </div>
        <p id="weights-sum" className={sum === 100 ? "muted" : "warning-text"} aria-live="polite">
          {t.weightsSum(sum)}
        </p>
        <FieldError id="weights-error" message={sumError} />
      </fieldset>
      <Field id="min-sample" label={t.minSample} error={errors.minSample?.message}>
        {(control) => (
          <input
            {...control}
            type="number"
            inputMode="numeric"
            min={1}
            max={10_000}
            step={1}
            className="input-short"
            {...register("minSample", { valueAsNumber: true })}
          />
        )}
      </Field>
      <SubmitRow label={t.save} pending={pending} pendingLabel={t.saving} done={saved} />
      <InlineError message={error} />
    </form>
  );
}
