import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { WORK_ORDER_ACTIONS, WORK_ORDER_STEP_CONTENT, ZWorkOrderAct, type TWorkOrderAction } from "@hcp/domain";

import { ChoiceGroup, Field } from "../../components/Field";
import { workOrderStrings } from "./strings";

export type TWorkOrderAct = z.output<typeof ZWorkOrderAct>;

export interface WorkOrderActionFormProps {
  workOrderId: number;
  /** the order's version as shown: the API refuses the step if someone moved the order since */
  version: number;
  /** exactly what `workOrder.byId` says the signed-in role may do now */
  actions: readonly TWorkOrderAction[];
  pending: boolean;
  /** the API's refusal, in Chinese */
  error: string | null;
  /** with no action of theirs: who the order waits for, e.g. "部门负责人 王芳" */
  waitingFor?: string | null;
  /** offer 刷新 beside the error (the order changed under the user) */
  onRefresh?: () => void;
  onSubmit: (act: TWorkOrderAct) => void;
}

/**
 * 办理: one form for every step, validated by the API's own ZWorkOrderAct. It offers only the
 * actions the role may take now and asks for what the chosen one needs — days for an extension,
 * a reason for an appeal, the record or reply as the note.
 */
export function WorkOrderActionForm({
  workOrderId,
  version,
  actions,
  pending,
  error,
  waitingFor,
  onRefresh,
  onSubmit,
}: WorkOrderActionFormProps) {
  const t = workOrderStrings;
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useForm<z.input<typeof ZWorkOrderAct>, unknown, TWorkOrderAct>({
    resolver: zodResolver(ZWorkOrderAct),
    defaultValues: { workOrderId, version, action: actions.length === 1 ? actions[0] : undefined, note: "" },
  });
  // Until one is picked (a role with several) the field holds no action, whatever its type says.
  const picked: string | undefined = watch("action");
  const action = actions.find((candidate) => candidate === picked);
  const note = watch("note") ?? "";

  if (actions.length === 0) {
    return (
      <p className="muted" data-testid="work-order-no-actions">
        {t.noActions}
        {waitingFor ? t.waitingFor(waitingFor) : null}
      </p>
    );
  }

  const content = action ? WORK_ORDER_STEP_CONTENT[action] : null;
  const noteLabel = action ? t.noteLabels[action] : t.noteDefault;

  return (
    <form className="form action-form" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <ChoiceGroup
        id="wo-action"
        legend={t.actionChoice}
        type="radio"
        optionClassName="radio choice"
        options={actions.map((choice) => ({ value: choice, label: WORK_ORDER_ACTIONS[choice] }))}
        registration={register("action")}
        error={errors.action ? t.actionRequired : null}
      />

      {action === "requestExtension" ? (
        <Field id="wo-extension-days" label={t.extensionDays} error={errors.extensionDays?.message}>
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={1}
              max={15}
              step={1}
              className="input-short"
              aria-required="true"
              {...register("extensionDays", {
                shouldUnregister: true,
                setValueAs: (value: unknown) =>
                  value === "" || value === undefined || value === null ? undefined : Number(value),
              })}
            />
          )}
        </Field>
      ) : null}

      {action === "appeal" ? (
        <ChoiceGroup
          id="wo-appeal-reason"
          legend={t.appealReason}
          type="radio"
          options={(["malicious", "mistaken"] as const).map((reason) => ({
            value: reason,
            label: t.appealReasons[reason],
          }))}
          registration={register("appealReason", { shouldUnregister: true })}
          error={errors.appealReason?.message}
        />
      ) : null}

      {/* No maxLength: a pasted text is not cut silently; the count and the schema say what is too long. */}
      <Field
        id="wo-note"
        label={noteLabel}
        hint={
          content ? (
            <span className={[...note].length > content.max ? "danger-text" : undefined}>
              {t.noteCount([...note].length, content.max)}
            </span>
          ) : undefined
        }
        error={errors.note?.message}
      >
        {(control) => (
          <textarea
            {...control}
            rows={4}
            aria-required={content ? !content.optional : undefined}
            {...register("note")}
          />
        )}
      </Field>

      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending} aria-busy={pending || undefined}>
          {t.submit}
        </button>
        {pending ? (
          <span className="muted" role="status">
            {t.submitting}
          </span>
        ) : null}
      </div>
      {error ? (
        <div className="notice notice-error" role="alert">
          <span>{error}</span>
          {onRefresh ? (
            <button type="button" className="btn btn-secondary btn-small" onClick={onRefresh}>
              {t.refresh}
            </button>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
