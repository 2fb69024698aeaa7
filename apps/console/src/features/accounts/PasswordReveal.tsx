import { accountsStrings as t } from "./strings";

export interface PasswordRevealProps {
  username: string;
  /** the one-time password, in this component's props and nowhere else: closing it is final */
  password: string;
  onDismiss: () => void;
}

/** The one time a one-time password is shown, for the creator to hand over. */
export function PasswordReveal({ username, password, onDismiss }: PasswordRevealProps) {
  return (
    <section className="notice notice-warning" aria-labelledby="one-time-password-heading">
      <h3 id="one-time-password-heading">{t.passwordHeading(username)}</h3>
      <p role="alert">{t.passwordWarning}</p>
      <p>
        <code className="mono" data-testid="one-time-password">
          {password}
        </code>
      </p>
      <button type="button" className="btn btn-secondary btn-small" onClick={onDismiss}>
        {t.passwordDone}
      </button>
    </section>
  );
}
