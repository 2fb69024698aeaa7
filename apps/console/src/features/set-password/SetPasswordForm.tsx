import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { Field } from "../../components/Field";
import { InlineError } from "../../components/StatusMessages";
import { SubmitRow } from "../../components/SubmitRow";
import { newPasswordIssues } from "../account/PasswordChangeForm";
import { setPasswordStrings as t } from "./strings";

/** The server's own rules, checked here first so the owner hears them before a round trip. */
function schemaFor(username: string) {
  return z
    .object({ newPassword: z.string().max(200), confirmPassword: z.string() })
    .superRefine((form, issues) => void newPasswordIssues(form, username, issues));
}
type TSetPasswordForm = z.infer<ReturnType<typeof schemaFor>>;

export interface SetPasswordFormProps {
  username: string;
  pending: boolean;
  /** the API's refusal, in Chinese */
  error: string | null;
  onSubmit: (newPassword: string) => void;
}

const FIELDS = [
  { name: "newPassword", label: t.next },
  { name: "confirmPassword", label: t.confirm },
] as const;

/** 设置密码 through a link: the new password twice. */
export function SetPasswordForm({ username, pending, error, onSubmit }: SetPasswordFormProps) {
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<TSetPasswordForm>({
    resolver: zodResolver(schemaFor(username)),
    defaultValues: { newPassword: "", confirmPassword: "" },
  });

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void handleSubmit((form) => onSubmit(form.newPassword))(event)}
    >
      {/* The username, for password managers to file the new password under. */}
      <input type="text" hidden readOnly autoComplete="username" value={username} />
      {FIELDS.map((field) => (
        <Field
          key={field.name}
          id={field.name}
          label={field.label}
          hint={field.name === "newPassword" ? t.nextHelp : undefined}
          error={errors[field.name]?.message}
        >
          {(control) => <input {...control} type="password" autoComplete="new-password" {...register(field.name)} />}
        </Field>
      ))}
      <SubmitRow label={t.submit} pending={pending} pendingLabel={t.saving} done={null} />
      <InlineError message={error} />
    </form>
  );
}
