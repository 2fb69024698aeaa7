import type { ReactNode } from "react";

/**
 * A form's submit button with what the submit is doing or did beside it, announced politely:
 * the button says it is busy while the request runs, so it is not pressed twice.
 */
export function SubmitRow({
  label,
  pending,
  pendingLabel,
  done,
  className = "btn btn-primary",
}: {
  label: ReactNode;
  pending: boolean;
  pendingLabel: ReactNode;
  done: ReactNode;
  className?: string;
}) {
  return (
    <div className="form-actions">
      <button type="submit" className={className} disabled={pending} aria-busy={pending || undefined}>
        {label}
      </button>
      <span className="muted" role="status">
        {pending ? pendingLabel : done}
      </span>
    </div>
  );
}
