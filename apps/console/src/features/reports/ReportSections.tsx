import { formatCount } from "../../lib/format";
import { DataTable, type TColumn } from "../analysis/DataTable";
import { ProvisionalMark } from "../calendar/ProvisionalMark";
import { CountTable } from "./CountTable";
import type { TMonthlyReport } from "./report-types";
import { reportStrings } from "./strings";

/** The report's counted sections: ratings, bad reviews, key items, coverage and the appendix. */
const t = reportStrings;

export function RatingsSection({ report }: { report: TMonthlyReport }) {
  return (
    <section className="report-section" aria-labelledby="report-ratings">
      <h2 id="report-ratings">{t.sections.ratings}</h2>
      <div className="report-columns">
        <CountTable
          id="report-levels"
          title={t.levelsCaption}
          rows={report.ratingsByLevel}
          label={t.level}
          shareDefinition={t.shareOfValid}
        />
        <CountTable
          id="report-channels"
          title={t.channelsCaption}
          rows={report.ratingsByChannel}
          label={t.channel}
          shareDefinition={t.shareOfValid}
        />
      </div>
    </section>
  );
}

type TWorkOrderRate = TMonthlyReport["badReviews"]["workOrderRates"][number];

export function BadReviewSection({ report }: { report: TMonthlyReport }) {
  const bad = report.badReviews;
  const definitions = new Map(report.definitions.map((entry) => [entry.key as string, entry.definition]));
  const rateColumns: TColumn<TWorkOrderRate>[] = [
    {
      id: "label",
      header: t.metric,
      rowHeader: true,
      cell: (row) => <span title={definitions.get(row.key)}>{row.label}</span>,
    },
    {
      id: "value",
      header: t.rate,
      numeric: true,
      cell: (row) =>
        row.key === "onTimeRate" && report.summary.deadlinesProvisional.workOrders ? (
          <>
            {row.value.text} <ProvisionalMark provisional />
          </>
        ) : (
          row.value.text
        ),
    },
  ];
  return (
    <section className="report-section" aria-labelledby="report-bad">
      <h2 id="report-bad">{t.sections.badReviews}</h2>
      <p data-testid="report-bad-total">{t.badTotal(formatCount(bad.total))}</p>
      <div className="report-columns">
        <CountTable
          id="report-bad-reasons"
          title={t.byReason}
          rows={bad.byReason}
          label={t.reason}
          shareDefinition={t.reasonShare}
        />
        <CountTable
          id="report-bad-windows"
          title={t.byWindow}
          rows={bad.byWindow}
          label={t.window}
          shareDefinition={t.badShare}
        />
      </div>
      <CountTable
        id="report-bad-items"
        title={t.byItem}
        rows={bad.byItem}
        label={t.item}
        shareDefinition={t.badShare}
      />
      <div className="report-columns">
        <CountTable
          id="report-work-order-states"
          title={t.workOrderStates}
          rows={bad.workOrderStates}
          label={t.state}
          shareDefinition={t.stateShare}
        />
        <div>
          <h3 id="report-work-order-rates">{t.workOrderRates}</h3>
          <DataTable
            columns={rateColumns}
            rows={bad.workOrderRates}
            rowKey={(row) => row.key}
            labelledBy="report-work-order-rates"
            testId="report-work-order-rates"
          />
        </div>
      </div>
    </section>
  );
}

export function TopItemsSection({ report }: { report: TMonthlyReport }) {
  return (
    <section className="report-section" aria-labelledby="report-top-items">
      <h2 id="report-top-items">{t.sections.topItems}</h2>
      <CountTable
        id="report-top-volume"
        title={t.topByVolume}
        rows={report.topItems.byVolume}
        label={t.item}
        shareDefinition={t.volumeShare}
      />
      <CountTable
        id="report-top-bad"
        title={t.topByBad}
        rows={report.topItems.byBadReviews}
        label={t.item}
        shareDefinition={t.badShare}
      />
    </section>
  );
}

export function CoverageSection({ report }: { report: TMonthlyReport }) {
  const coverage = report.coverage;
  const names = t.coverageFigures;
  const rows: { key: string; label: string; value: number }[] = [
    { key: "casesCompleted", label: names.casesCompleted, value: coverage.casesCompleted },
    { key: "promptsSent", label: names.promptsSent, value: coverage.promptsSent },
    { key: "promptsTimedOut", label: names.promptsTimedOut, value: coverage.promptsTimedOut },
    { key: "casesRated", label: names.casesRated, value: coverage.casesRated },
    { key: "casesRatedByDefault", label: names.casesRatedByDefault, value: coverage.casesRatedByDefault },
    { key: "casesClosedUnrated", label: names.casesClosedUnrated, value: coverage.casesClosedUnrated },
    { key: "devicesRegistered", label: names.devicesRegistered, value: coverage.devices.registered },
    { key: "devicesPaired", label: names.devicesPaired, value: coverage.devices.paired },
  ];
  const columns: TColumn<(typeof rows)[number]>[] = [
    { id: "label", header: t.figure, rowHeader: true, cell: (row) => row.label },
    { id: "value", header: t.value, numeric: true, cell: (row) => formatCount(row.value) },
  ];
  return (
    <section className="report-section" aria-labelledby="report-coverage">
      <h2 id="report-coverage">{t.sections.coverage}</h2>
      <p>{t.coverageExplain}</p>
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(row) => row.key}
        labelledBy="report-coverage"
        testId="report-coverage"
      />
    </section>
  );
}

export function AppendixSection({ report }: { report: TMonthlyReport }) {
  return (
    <section className="report-section report-appendix" aria-labelledby="report-appendix">
      <h2 id="report-appendix">{t.sections.appendix}</h2>
      <p data-testid="report-definitions-version">{t.appendixIntro(report.definitionsVersion)}</p>
      <dl className="definition-list">
        {report.definitions.map((entry) => (
          <div key={entry.key}>
            <dt>{entry.name}</dt>
            <dd>{entry.definition}</dd>
          </div>
        ))}
      </dl>
      <p className="small">{t.scoreMapping}</p>
    </section>
  );
}
