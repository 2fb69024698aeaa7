import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { WORK_ORDER_ACTIONS, WORK_ORDER_STEP_CONTENT, ZWorkOrderAct } from "@hcp/domain";
import type { TWorkOrderAction } from "@hcp/domain";

import { FieldError } from "../../components/StatusMessages";
import { strings } from "../../lib/strings";

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
export function WorkOrderActionForm({ workOrderId, version, actions, pending, error, waitingFor, onRefresh, onSubmit }: WorkOrderActionFormProps) {
  const t = strings.workOrders;
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useForm<z.input<typeof ZWorkOrderAct>, unknown, TWorkOrderAct>({
    resolver: zodResolver(ZWorkOrderAct),
    defaultValues: { workOrderId, version, action: actions.length === 1 ? actions[0] : undefined, note: "" },
  });
  const action = watch("action") as TWorkOrderAction | undefined;
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
      <fieldset className="field" aria-describedby={errors.action ? "wo-action-error" : undefined}>
        <legend>{t.actionChoice}</legend>
        <div className="radio-row">
          {actions.map((choice) => (
            <label key={choice} className="radio choice">
              <input type="radio" value={choice} {...register("action")} />
              {WORK_ORDER_ACTIONS[choice]}
            </label>
          ))}
        </div>
        <FieldError id="wo-action-error" message={errors.action ? t.actionRequired : null} />
      </fieldset>

      {action === "requestExtension" ? (
        <div className="field">
          <label htmlFor="wo-extension-days">{t.extensionDays}</label>
          <input
            id="wo-extension-days"
            type="number"
            inputMode="numeric"
            min={1}
            max={15}
            step={1}
            className="input-short"
            aria-required="true"
            aria-invalid={errors.extensionDays ? true : undefined}
            aria-describedby={errors.extensionDays ? "wo-extension-days-error" : undefined}
            {...register("extensionDays", {
              shouldUnregister: true,
              setValueAs: (value: unknown) => (value === "" || value === undefined || value === null ? undefined : Number(value)),
            })}
          />
          <FieldError id="wo-extension-days-error" message={errors.extensionDays?.message} />
        </div>
      ) : null}

      {action === "appeal" ? (
        <fieldset className="field" aria-describedby={errors.appealReason ? "wo-appeal-reason-error" : undefined}>
          <legend>{t.appealReason}</legend>
          <div className="radio-row">
            {(["malicious", "mistaken"] as const).map((reason) => (
              <label key={reason} className="radio">
                <input type="radio" value={reason} {...register("appealReason", { shouldUnregister: true })} />
                {t.appealReasons[reason]}
              </label>
            ))}
          </div>
          <FieldError id="wo-appeal-reason-error" message={errors.appealReason?.message} />
        </fieldset>
      ) : null}

      <div className="field">
        <label htmlFor="wo-note">{noteLabel}</label>
        {/* No maxLength: a pasted text is not cut silently; the count and the schema say what is too long. */}
        <textarea
          id="wo-note"
          rows={4}
          aria-required={content ? !content.optional : undefined}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={errors.note ? "wo-note-count wo-note-error" : "wo-note-count"}
          {...register("note")}
        />
        {content ? (
          <p id="wo-note-count" className={[...note].length > content.max ? "small danger-text" : "muted small"}>
            {t.noteCount([...note].length, content.max)}
          </p>
        ) : null}
        <FieldError id="wo-note-error" message={errors.note?.message} />
      </div>

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
