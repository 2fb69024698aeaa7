import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useMemo, useState } from "react";

import { hallDateMinuteText } from "@hcp/domain";

import { ConfirmDialog } from "../../components/ConfirmDialog";
import { PageHeading } from "../../components/PageHeading";
import { QueryView } from "../../components/QueryView";
import { InlineError } from "../../components/StatusMessages";
import { Table } from "../../components/Table";
import { errorMessage, serverFieldErrors } from "../../lib/errors";
import { trpc, trpcClient } from "../../lib/trpc";
import type { TCatalogueItemDetail } from "./catalogue-types";
import { EMPTY_ITEM_FORM, itemFormValues, type TServiceItemFields } from "./item-form";
import { ItemForm } from "./ItemForm";
import { catalogueStrings } from "./strings";

const t = catalogueStrings;

/** An item's versions, newest first: when each took effect, from where, by whom, with what terms. */
function VersionTable({ versions }: { versions: TCatalogueItemDetail["versions"] }) {
  const c = t.versionColumns;
  const days = (value: number | null) => (value === null ? t.none : t.days(value));
  return (
    <section aria-labelledby="item-history-heading">
      <h2 id="item-history-heading">{t.history}</h2>
      <Table caption={t.history} columns={[c.version, c.validFrom, c.source, c.changedBy, c.terms]}>
        {versions.map((version) => (
          <tr key={version.version}>
            <th scope="row">{version.version}</th>
            <td className="nowrap">{version.validFrom ? hallDateMinuteText(new Date(version.validFrom)) : t.since}</td>
            <td>{t.sources[version.source]}</td>
            <td>{version.changedBy ?? t.none}</td>
            <td>
              {version.name}（{version.departmentName}）：
              {t.versionTerms(
                version.caseType === "instant" ? t.instant : t.promised,
                days(version.caseType === "instant" ? null : version.promisedDays),
                days(version.legalDays),
                version.inHall,
                version.active,
              )}
              {version.windows.length > 0 ? `；${version.windows.join("、")}` : ""}
            </td>
          </tr>
        ))}
      </Table>
    </section>
  );
}

export interface ItemPageProps {
  /** null: a new item */
  itemId: number | null;
  onCreated: (itemId: number) => void;
}

/** 新增事项 / 编辑事项 (administrators): the form, 停用/恢复 and the item's versions. */
export function ItemPage({ itemId, onCreated }: ItemPageProps) {
  const queryClient = useQueryClient();
  const departments = useQuery(trpc.catalog.departments.queryOptions());
  const windows = useQuery(trpc.window.list.queryOptions());
  const item = useQuery(trpc.catalogue.item.queryOptions({ id: itemId ?? 0 }, { enabled: itemId !== null }));
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState("");

  const save = useMutation({
    mutationFn: (fields: TServiceItemFields): Promise<{ created: number | null; changed: boolean }> =>
      itemId === null
        ? trpcClient.catalogue.create.mutate(fields).then((created) => ({ created: created.id, changed: true }))
        : trpcClient.catalogue.update
            .mutate({ ...fields, id: itemId })
            .then((result) => ({ created: null, changed: result.changes.length > 0 })),
    onSuccess: async (result) => {
      setDone(result.changed ? t.saved : t.unchanged);
      await queryClient.invalidateQueries();
      if (result.created !== null) onCreated(result.created);
    },
  });
  const setActive = useMutation({
    mutationFn: (active: boolean) =>
      itemId === null
        ? Promise.resolve()
        : active
          ? trpcClient.catalogue.restore.mutate({ id: itemId })
          : trpcClient.catalogue.retire.mutate({ id: itemId }),
    onSuccess: () => queryClient.invalidateQueries(),
  });

  // One object per refusal, so the form sets the server's messages once.
  const fieldErrors = useMemo(() => (save.error ? serverFieldErrors(save.error) : {}), [save.error]);

  const form = (initial: typeof EMPTY_ITEM_FORM) => (
    <ItemForm
      initial={initial}
      editing={itemId !== null}
      departments={departments.data ?? []}
      windows={windows.data ?? []}
      pending={save.isPending}
      done={done}
      error={save.error && Object.keys(fieldErrors).length === 0 ? errorMessage(save.error) : null}
      fieldErrors={fieldErrors}
      onSave={(fields) => {
        setDone("");
        save.mutate(fields);
      }}
    />
  );

  return (
    <>
      <PageHeading title={itemId === null ? t.newItem : t.editItem} />
      <p>
        <Link to="/catalog">{t.backToCatalog}</Link>
      </p>
      <QueryView query={departments}>
        {() =>
          itemId === null ? (
            <section className="panel">{form(EMPTY_ITEM_FORM)}</section>
          ) : (
            <QueryView query={item}>
              {(detail) => (
                <>
                  <section className="panel">
                    <p className="total-line" data-testid="item-state">
                      {detail.active ? t.activeState : t.retiredState}
                    </p>
                    {form(itemFormValues(detail))}
                    <p className="muted small">{t.retireHint}</p>
                    <div className="form-actions">
                      {detail.active ? (
                        <button type="button" className="btn btn-secondary" onClick={() => setConfirming(true)}>
                          {t.retire}
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="btn btn-secondary"
                          disabled={setActive.isPending}
                          onClick={() => setActive.mutate(true)}
                        >
                          {t.restore}
                        </button>
                      )}
                    </div>
                    <InlineError message={setActive.error ? errorMessage(setActive.error) : null} />
                    {confirming ? (
                      <ConfirmDialog
                        title={t.retireTitle(detail.code, detail.name)}
                        body={[t.retireHint]}
                        confirmLabel={t.retire}
                        onConfirm={() => {
                          setConfirming(false);
                          setActive.mutate(false);
                        }}
                        onCancel={() => setConfirming(false)}
                      />
                    ) : null}
                  </section>
                  <section className="panel">
                    <VersionTable versions={detail.versions} />
                  </section>
                </>
              )}
            </QueryView>
          )
        }
      </QueryView>
    </>
  );
}
