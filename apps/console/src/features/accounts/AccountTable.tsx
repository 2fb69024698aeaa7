import { hallDateMinuteText, ROLES } from "@hcp/domain";

import { Table } from "../../components/Table";
import type { TAccountRow } from "../../lib/api-types";
import { accountsStrings } from "./strings";

export interface AccountTableProps {
  accounts: readonly TAccountRow[];
  onEdit: (account: TAccountRow) => void;
  onReset: (account: TAccountRow) => void;
  onLink: (account: TAccountRow) => void;
  onDisable: (account: TAccountRow) => void;
  onEnable: (account: TAccountRow) => void;
}

function scopeOf(account: TAccountRow): string {
  if (account.staffName !== null) return `${account.staffBadgeNo ?? ""} ${account.staffName}`;
  return account.departmentName ?? accountsStrings.wholeHall;
}

/** The hall's accounts, active first; the ones the caller may not manage show no actions. */
export function AccountTable({ accounts, onEdit, onReset, onLink, onDisable, onEnable }: AccountTableProps) {
  const t = accountsStrings;
  const c = t.columns;
  if (accounts.length === 0) return <p className="muted">{t.noAccounts}</p>;
  return (
    <Table
      columns={[c.username, c.displayName, c.role, c.scope, c.state, c.lastSignIn, c.actions]}
      aria-labelledby="accounts-heading"
    >
      {accounts.map((account) => (
        <tr key={account.id} data-testid="account-row">
          <td className="mono">{account.username}</td>
          <td>{account.displayName}</td>
          <td>{ROLES[account.role]}</td>
          <td>{scopeOf(account)}</td>
          <td>
            {account.active ? t.active : t.disabled}
            {account.active && account.mustChangePassword ? (
              <span className="muted small"> · {t.mustChange}</span>
            ) : null}
          </td>
          <td>{account.lastSignInAt ? hallDateMinuteText(new Date(account.lastSignInAt)) : t.never}</td>
          <td>
            {account.manageable ? (
              <span className="row-actions">
                <button type="button" className="btn btn-small" onClick={() => onEdit(account)}>
                  {t.edit}
                </button>
                <button type="button" className="btn btn-small" onClick={() => onReset(account)}>
                  {t.reset}
                </button>
                <button type="button" className="btn btn-small" onClick={() => onLink(account)}>
                  {t.link}
                </button>
                {account.active ? (
                  <button type="button" className="btn btn-small" onClick={() => onDisable(account)}>
                    {t.disable}
                  </button>
                ) : (
                  <button type="button" className="btn btn-small" onClick={() => onEnable(account)}>
                    {t.enable}
                  </button>
                )}
              </span>
            ) : null}
          </td>
        </tr>
      ))}
    </Table>
  );
}
