import type { ReactNode } from "react";

import { Table } from "../../components/Table";
import type { TCatalogueApplied, TCataloguePreview } from "./catalogue-types";
import { catalogueStrings } from "./strings";

const t = catalogueStrings;

/** One list of the report under its heading; an empty list is left out. */
function PreviewSection(props: { id: string; heading: string; columns: string[]; children: ReactNode[] }) {
  if (props.children.length === 0) return null;
  return (
    <section aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.heading}</h2>
      <Table scroll="short" caption={props.heading} columns={props.columns}>
        {props.children}
      </Table>
    </section>
  );
}

/** What applying the file would do, list by list: the dry run's report. */
export function ImportPreview({ preview }: { preview: TCataloguePreview }) {
  const c = t.columns;
  return (
    <div className="catalogue-preview">
      <p
        className={`notice ${preview.refused.length > 0 ? "notice-warning" : "notice-success"}`}
        role="status"
        data-testid="catalogue-preview-summary"
      >
        {t.summary(
          preview.totalRows,
          preview.added.length,
          preview.changed.length,
          preview.unchanged,
          preview.retired.length,
          preview.refused.length,
        )}
      </p>
      <PreviewSection id="catalogue-refused" heading={t.refusedHeading} columns={[c.row, c.code, c.column, c.message]}>
        {preview.refused.flatMap((row) =>
          row.problems.map((problem, index) => (
            <tr key={`${String(row.row)}-${String(index)}`}>
              <th scope="row">{t.rowNo(row.row)}</th>
              <td className="mono">{row.code}</td>
              <td>{problem.column}</td>
              <td>{problem.message}</td>
            </tr>
          )),
        )}
      </PreviewSection>
      <PreviewSection
        id="catalogue-changed"
        heading={t.changedHeading}
        columns={[c.code, c.name, c.field, c.before, c.after]}
      >
        {preview.changed.flatMap((item) =>
          item.changes.map((change) => (
            <tr key={`${item.code}-${change.field}`}>
              <td className="mono">{item.code}</td>
              <th scope="row">{item.name}</th>
              <td>{change.label}</td>
              <td>{change.before}</td>
              <td>{change.after}</td>
            </tr>
          )),
        )}
      </PreviewSection>
      <PreviewSection id="catalogue-added" heading={t.addedHeading} columns={[c.row, c.code, c.name, c.department]}>
        {preview.added.map((item) => (
          <tr key={item.code}>
            <td>{t.rowNo(item.row)}</td>
            <td className="mono">{item.code}</td>
            <th scope="row">{item.name}</th>
            <td>{item.department}</td>
          </tr>
        ))}
      </PreviewSection>
      <PreviewSection id="catalogue-retired" heading={t.retiredHeading} columns={[c.code, c.name, c.department]}>
        {preview.retired.map((item) => (
          <tr key={item.code}>
            <td className="mono">{item.code}</td>
            <th scope="row">{item.name}</th>
            <td>{item.department}</td>
          </tr>
        ))}
      </PreviewSection>
    </div>
  );
}

/** The apply step's outcome. */
export function ImportApplied({ applied }: { applied: TCatalogueApplied }) {
  const nothing = applied.added + applied.changed + applied.retired === 0;
  return (
    <p className="notice notice-success" role="status" data-testid="catalogue-applied">
      {nothing ? t.nothingToDo : t.applied(applied.added, applied.changed, applied.retired, applied.refused)}
    </p>
  );
}
