import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { HALL_KINDS, type TCountyHallForm } from "@hcp/domain";

import { PageHeading } from "../../../components/PageHeading";
import { QueryView } from "../../../components/QueryView";
import { Table } from "../../../components/Table";
import { errorMessage } from "../../../lib/errors";
import { trpc } from "../../../lib/trpc";
import { CountyHallForm } from "./CountyHallForm";
import { countyScopeStrings as t } from "./strings";

/** 全县大厅 (county administrators): the county's halls, a new township or village point, an edit. */
export function CountyHallsPage() {
  const queryClient = useQueryClient();
  const scope = useQuery(trpc.county.scope.queryOptions());
  const [editing, setEditing] = useState<number | null>(null);
  const [createdName, setCreatedName] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const invalidate = () => queryClient.invalidateQueries(trpc.county.scope.queryFilter());
  const create = useMutation(
    trpc.county.createHall.mutationOptions({
      onSuccess: (_created, input) => {
        setCreatedName(input.name);
        setFormKey((key) => key + 1);
        void invalidate();
      },
    }),
  );
  const update = useMutation(
    trpc.county.updateHall.mutationOptions({ onSuccess: () => void invalidate().then(() => setEditing(null)) }),
  );
  const submitNew = (form: TCountyHallForm) => {
    // The form offers only these two kinds for a new hall.
    if (form.kind === "county_centre") return;
    setCreatedName(null);
    create.mutate({ ...form, kind: form.kind });
  };
  const columns = [
    t.columns.name,
    t.columns.kind,
    t.columns.areaCode,
    t.columns.parent,
    { label: t.columns.sortOrder, numeric: true },
    t.columns.actions,
  ];

  return (
    <>
      <PageHeading title={t.hallsTitle} />
      <p className="muted">{t.hallsIntro}</p>
      <QueryView query={scope}>
        {(value) => {
          const countyName = value.county?.name ?? "";
          const townships = value.halls.filter((hall) => hall.kind === "township_centre");
          const nameOf = (id: number | null) => value.halls.find((hall) => hall.id === id)?.name ?? "—";
          const edited = value.halls.find((hall) => hall.id === editing);
          return (
            <>
              <section className="panel" aria-labelledby="county-halls-heading">
                <h2 id="county-halls-heading">{t.listSection}</h2>
                <Table columns={columns} aria-labelledby="county-halls-heading">
                  {value.halls.map((hall) => (
                    <tr key={hall.id}>
                      <td>{hall.name}</td>
                      <td>{HALL_KINDS[hall.kind]}</td>
                      <td className="num">{hall.areaCode ?? "—"}</td>
                      <td>{hall.parentHallId === null ? "—" : nameOf(hall.parentHallId)}</td>
                      <td className="num">{hall.sortOrder}</td>
                      <td>
                        <button
                          type="button"
                          className="btn btn-secondary btn-small"
                          aria-label={`${t.edit}${hall.name}`}
                          onClick={() => {
                            update.reset();
                            setEditing(hall.id);
                          }}
                        >
                          {t.edit}
                        </button>
                      </td>
                    </tr>
                  ))}
                </Table>
              </section>
              {edited ? (
                <section className="panel" aria-label={t.editTitle(edited.name)}>
                  <h2>{t.editTitle(edited.name)}</h2>
                  <CountyHallForm
                    key={edited.id}
                    hall={edited}
                    countyName={countyName}
                    townships={townships}
                    pending={update.isPending}
                    done={null}
                    error={update.isError ? errorMessage(update.error) : null}
                    onSubmit={(form) => update.mutate({ hallId: edited.id, hall: form })}
                  />
                  <button type="button" className="btn btn-secondary" onClick={() => setEditing(null)}>
                    {t.cancel}
                  </button>
                </section>
              ) : null}
              <section className="panel" aria-label={t.addTitle}>
                <h2>{t.addTitle}</h2>
                <CountyHallForm
                  key={formKey}
                  countyName={countyName}
                  townships={townships}
                  pending={create.isPending}
                  done={createdName ? t.created(createdName) : null}
                  error={create.isError ? errorMessage(create.error) : null}
                  onSubmit={submitNew}
                />
              </section>
            </>
          );
        }}
      </QueryView>
    </>
  );
}
