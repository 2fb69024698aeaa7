import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";

import { ZSignIn, type TSignIn } from "@hcp/domain";

import { Field } from "../../components/Field";
import { InlineError } from "../../components/StatusMessages";
import { authStrings } from "./strings";

export interface SignInFormProps {
  /** receives the parsed values: the username already trimmed */
  onSubmit: (values: TSignIn) => void;
  pending: boolean;
  /** the server's refusal, in Chinese */
  error: string | null;
}

export function SignInForm({ onSubmit, pending, error }: SignInFormProps) {
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm({ resolver: zodResolver(ZSignIn), defaultValues: { username: "", password: "" } });
  const t = authStrings;

  return (
    <form className="form sign-in-form" noValidate onSubmit={handleSubmit(onSubmit)}>
      <Field id="sign-in-username" label={t.username} error={errors.username?.message}>
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            {...register("username")}
          />
        )}
      </Field>
      <Field id="sign-in-password" label={t.password} error={errors.password?.message}>
        {(control) => <input {...control} type="password" autoComplete="current-password" {...register("password")} />}
      </Field>
      <InlineError message={error} />
      <button type="submit" className="btn btn-primary btn-block" disabled={pending} aria-busy={pending || undefined}>
        {pending ? t.submitting : t.submit}
      </button>
    </form>
  );
}
