import type { RouterOutputs } from "@hcp/api";

import { auditStrings } from "./strings";

export type TAuditVerification = RouterOutputs["audit"]["verify"];

/** 校验 result: intact with the count, or the first broken link with expected and stored hashes. */
export function VerifyResult({ result }: { result: TAuditVerification }) {
  const t = auditStrings.page;
  if (result.ok) {
    return (
      <div className="notice notice-success" role="status">
        {t.intact(result.checked)}
      </div>
    );
  }
  const link = result.brokenAt;
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>{t.broken(link.id)}</strong>：{t.problems[link.problem]}
      </p>
      <dl className="facts mono small">
        <div>
          <dt>{t.expected}</dt>
          <dd>{link.expected}</dd>
        </div>
        <div>
          <dt>{t.stored}</dt>
          <dd>{link.stored}</dd>
        </div>
      </dl>
      <p>{t.checkedBefore(result.checked)}</p>
    </div>
  );
}
