import { hallDateMinuteText } from "@hcp/domain";

import { accountsStrings as t } from "./strings";

/** What is handed over: the one-time password, or the set-password link's address and end. */
export type THandedOver = { password: string } | { link: { url: string; expiresAt: string } };

export interface PasswordRevealProps {
  username: string;
  /** in this component's props and nowhere else: closing it is final */
  handedOver: THandedOver;
  onDismiss: () => void;
}

/** The one time a one-time password or a set-password link is shown, for the creator to hand over. */
export function PasswordReveal({ username, handedOver, onDismiss }: PasswordRevealProps) {
  const link = "link" in handedOver ? handedOver.link : null;
  return (
    <section className="notice notice-warning" aria-labelledby="one-time-password-heading">
      <h3 id="one-time-password-heading">{link ? t.linkHeading(username) : t.passwordHeading(username)}</h3>
      <p role="alert">{link ? t.linkWarning(hallDateMinuteText(new Date(link.expiresAt))) : t.passwordWarning}</p>
      <p>
        {"password" in handedOver ? (
          <code className="mono" data-testid="one-time-password">
            {handedOver.password}
          </code>
        ) : (
          <code className="mono" data-testid="password-link">
            {link?.url}
          </code>
        )}
      </p>
      <button type="button" className="btn btn-secondary btn-small" onClick={onDismiss}>
        {t.passwordDone}
      </button>
    </section>
  );
}
