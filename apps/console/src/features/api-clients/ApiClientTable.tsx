import type { RouterOutputs } from "@hcp/api";

import { InlineError } from "../../components/StatusMessages";
import { Table } from "../../components/Table";
import { formatDateTime } from "../work-orders/format";
import { apiClientStrings as t } from "./strings";

export type TApiClientRow = RouterOutputs["apiClient"]["list"][number];

export interface ApiClientTableProps {
  clients: readonly TApiClientRow[];
  hallNames: ReadonlyMap<number, string>;
  busyId: number | null;
  rowError: { id: number; message: string } | null;
  selectedId: number | null;
  onRotate: (client: TApiClientRow) => void;
  onRevoke: (client: TApiClientRow) => void;
  onShowCalls: (client: TApiClientRow) => void;
}

/** Every client with what it may do, its key's prefix and when it last called. */
export function ApiClientTable(props: ApiClientTableProps) {
  if (props.clients.length === 0) return <p className="muted">{t.noClients}</p>;
  return (
    <Table columns={[t.name, t.halls, t.scopes, t.keyPrefix, t.rateLimit, t.lastUsedAt, t.status, t.actions]}>
      {props.clients.map((client) => {
        const busy = props.busyId === client.id;
        return (
          <tr
            key={client.id}
            data-testid="api-client-row"
            aria-current={props.selectedId === client.id ? "true" : undefined}
          >
            <th scope="row">{client.name}</th>
            <td>{client.hallIds.map((id) => props.hallNames.get(id) ?? String(id)).join("、")}</td>
            <td>
              {client.scopes.map((scope) => (
                <span key={scope} className="tag tag-neutral mono" title={t.scopeLabels[scope]}>
                  {scope}
                </span>
              ))}
            </td>
            <td className="mono">{client.keyPrefix}…</td>
            <td>{client.rateLimitPerMinute}</td>
            <td>{client.lastUsedAt ? formatDateTime(client.lastUsedAt) : t.neverUsed}</td>
            <td>
              <span className={`tag ${client.revokedAt ? "tag-neutral" : "tag-success"}`}>
                {client.revokedAt ? t.revoked : t.active}
              </span>
            </td>
            <td>
              <div className="button-row">
                <button type="button" className="btn btn-secondary btn-small" onClick={() => props.onShowCalls(client)}>
                  {t.showCalls}
                </button>
                {client.revokedAt ? null : (
                  <>
                    <button
                      type="button"
                      className="btn btn-secondary btn-small"
                      disabled={busy}
                      onClick={() => props.onRotate(client)}
                    >
                      {t.rotate}
                    </button>
                    <button
                      type="button"
                      className="btn btn-secondary btn-small"
                      disabled={busy}
                      onClick={() => props.onRevoke(client)}
                    >
                      {t.revoke}
                    </button>
                  </>
                )}
              </div>
              <InlineError message={props.rowError?.id === client.id ? props.rowError.message : null} />
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
