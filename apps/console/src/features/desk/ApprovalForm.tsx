import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";

import { ZSignIn, type TSignIn } from "@hcp/domain";

import { Field } from "../../components/Field";
import { InlineError } from "../../components/StatusMessages";
import { SubmitRow } from "../../components/SubmitRow";
import { deskStrings } from "./strings";

export interface ApprovalFormProps {
  /** the window's code and name */
  window: string;
  pending: boolean;
  /** the API's refusal of the approval, in Chinese */
  error: string | null;
  onSubmit: (approval: TSignIn) => void;
  onCancel: () => void;
}

/**
 * 管理员授权: a hall manager or administrator types their username and password on this desk so the
 * staff member may sign in at a window not among theirs. Nothing is kept in the browser.
 */
export function ApprovalForm({ window, pending, error, onSubmit, onCancel }: ApprovalFormProps) {
  const t = deskStrings.approval;
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<TSignIn>({ resolver: zodResolver(ZSignIn), defaultValues: { username: "", password: "" } });
  return (
    <form
      className="form settings-form approval-form"
      aria-label={t.title(window)}
      noValidate
      onSubmit={(event) => void handleSubmit(onSubmit)(event)}
    >
      <h3>{t.title(window)}</h3>
      <p className="muted small">{t.intro}</p>
      <Field id="approval-username" label={t.username} error={errors.username?.message}>
        {(control) => <input {...control} autoComplete="off" {...register("username")} />}
      </Field>
      <Field id="approval-password" label={t.password} error={errors.password?.message}>
        {(control) => <input {...control} type="password" autoComplete="off" {...register("password")} />}
      </Field>
      <InlineError message={error} />
      <SubmitRow label={t.submit} pending={pending} pendingLabel={t.submitting} done={null} />
      <button type="button" className="btn" onClick={onCancel}>
        {t.cancel}
      </button>
    </form>
  );
}
