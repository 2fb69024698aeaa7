import { useState } from "react";

import { apiClientStrings as t } from "./strings";

export interface KeyRevealProps {
  clientName: string;
  /** the key, in this component's props and nowhere else: dismissing it is final */
  apiKey: string;
  onDismiss: () => void;
}

/** The one time a key is shown: a warning, the key to select, a copy button. */
export function KeyReveal({ clientName, apiKey, onDismiss }: KeyRevealProps) {
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const copyKey = () => {
    navigator.clipboard
      .writeText(apiKey)
      .then(() => setCopy("copied"))
      .catch(() => setCopy("failed"));
  };
  return (
    <section className="notice notice-warning" aria-labelledby="api-key-heading">
      <h3 id="api-key-heading">{t.keyHeading(clientName)}</h3>
      <p role="alert">{t.keyWarning}</p>
      <p>
        <code className="mono" data-testid="api-key">
          {apiKey}
        </code>
      </p>
      <p className="muted small">{t.keyUsage}</p>
      <div className="button-row">
        <button type="button" className="btn btn-primary btn-small" onClick={copyKey}>
          {t.copy}
        </button>
        <button type="button" className="btn btn-secondary btn-small" onClick={onDismiss}>
          {t.keySaved}
        </button>
        <span className="muted small" role="status">
          {copy === "copied" ? t.copied : copy === "failed" ? t.copyFailed : null}
        </span>
      </div>
    </section>
  );
}
