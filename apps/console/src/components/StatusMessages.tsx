import { errorMessage } from "../lib/errors";
import { strings } from "../lib/strings";

/** Shown while a query has no data yet. */
export function Loading({ label = strings.app.loading }: { label?: string }) {
  return (
    <p className="status-line" role="status">
      {label}
    </p>
  );
}

/** Shown when a query answered with nothing to list. */
export function Empty({ label = strings.app.empty }: { label?: string }) {
  return <p className="status-line status-empty">{label}</p>;
}

/** A failed query: the Chinese message and, when given, a retry button. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <span>{errorMessage(error)}</span>
      {onRetry ? (
        <button type="button" className="btn btn-secondary btn-small" onClick={onRetry}>
          {strings.app.retry}
        </button>
      ) : null}
    </div>
  );
}

/** A mutation's failure, placed next to the button that caused it. */
export function InlineError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="inline-error" role="alert">
      {message}
    </p>
  );
}

/**
 * A field's own message, under the field; `id` is what the input's aria-describedby names. `alert`
 * announces it as it appears, for a form of one field whose submit moves nothing else.
 */
export function FieldError({
  id,
  message,
  alert = false,
}: {
  id: string;
  message: string | null | undefined;
  alert?: boolean;
}) {
  if (!message) return null;
  return (
    <p id={id} className="field-error" role={alert ? "alert" : undefined}>
      {message}
    </p>
  );
}
