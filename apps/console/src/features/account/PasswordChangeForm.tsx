import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { APP_ERROR_MESSAGES, passwordProblem } from "@hcp/domain";

import { Field } from "../../components/Field";
import { InlineError } from "../../components/StatusMessages";
import { SubmitRow } from "../../components/SubmitRow";
import { accountStrings } from "./strings";

const t = accountStrings;

/**
 * The server's rules for a new password (and its confirmation), checked before a round trip; also
 * the set-password link's form. Answers whether the password itself passed.
 */
export function newPasswordIssues(
  form: { newPassword: string; confirmPassword: string },
  username: string,
  issues: z.RefinementCtx,
): boolean {
  const problem = passwordProblem(form.newPassword, username);
  if (problem) issues.addIssue({ code: "custom", path: ["newPassword"], message: APP_ERROR_MESSAGES[problem] });
  if (form.confirmPassword !== form.newPassword)
    issues.addIssue({ code: "custom", path: ["confirmPassword"], message: t.mismatch });
  return problem === null;
}

/** The server's own rules, checked here first so the user hears them before a round trip. */
function schemaFor(username: string) {
  return z
    .object({
      currentPassword: z.string().min(1, { error: t.currentRequired }),
      newPassword: z.string().max(200),
      confirmPassword: z.string(),
    })
    .superRefine((form, issues) => {
      if (newPasswordIssues(form, username, issues) && form.newPassword === form.currentPassword)
        issues.addIssue({ code: "custom", path: ["newPassword"], message: t.same });
    });
}
type TPasswordForm = z.infer<ReturnType<typeof schemaFor>>;

export interface PasswordChangeFormProps {
  username: string;
  pending: boolean;
  /** the API's refusal, in Chinese */
  error: string | null;
  saved: boolean;
  onSubmit: (change: { currentPassword: string; newPassword: string }) => void;
}

const FIELDS = [
  { name: "currentPassword", label: t.current, autoComplete: "current-password" },
  { name: "newPassword", label: t.next, autoComplete: "new-password" },
  { name: "confirmPassword", label: t.confirm, autoComplete: "new-password" },
] as const;

/** 修改密码: the current password, the new one twice. */
export function PasswordChangeForm({ username, pending, error, saved, onSubmit }: PasswordChangeFormProps) {
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<TPasswordForm>({
    resolver: zodResolver(schemaFor(username)),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) =>
        void handleSubmit((form) => onSubmit({ currentPassword: form.currentPassword, newPassword: form.newPassword }))(
          event,
        )
      }
    >
      {FIELDS.map((field) => (
        <Field
          key={field.name}
          id={field.name}
          label={field.label}
          hint={field.name === "newPassword" ? t.nextHelp : undefined}
          error={errors[field.name]?.message}
        >
          {(control) => (
            <input {...control} type="password" autoComplete={field.autoComplete} {...register(field.name)} />
          )}
        </Field>
      ))}
      <SubmitRow label={t.submit} pending={pending} pendingLabel={t.saving} done={saved ? t.saved : null} />
      <InlineError message={error} />
    </form>
  );
}
