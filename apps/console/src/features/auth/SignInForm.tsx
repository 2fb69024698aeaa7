import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";

import { ZSignIn } from "@hcp/domain";
import type { TSignIn } from "@hcp/domain";

import { FieldError, InlineError } from "../../components/StatusMessages";
import { strings } from "../../lib/strings";

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
  const t = strings.login;

  return (
    <form className="form sign-in-form" noValidate onSubmit={handleSubmit(onSubmit)}>
      <div className="field">
        <label htmlFor="sign-in-username">{t.username}</label>
        <input
          id="sign-in-username"
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          aria-invalid={errors.username ? true : undefined}
          aria-describedby={errors.username ? "sign-in-username-error" : undefined}
          {...register("username")}
        />
        <FieldError id="sign-in-username-error" message={errors.username?.message} />
      </div>
      <div className="field">
        <label htmlFor="sign-in-password">{t.password}</label>
        <input
          id="sign-in-password"
          type="password"
          autoComplete="current-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? "sign-in-password-error" : undefined}
          {...register("password")}
        />
        <FieldError id="sign-in-password-error" message={errors.password?.message} />
      </div>
      <InlineError message={error} />
      <button type="submit" className="btn btn-primary btn-block" disabled={pending} aria-busy={pending || undefined}>
        {pending ? t.submitting : t.submit}
      </button>
    </form>
  );
}
