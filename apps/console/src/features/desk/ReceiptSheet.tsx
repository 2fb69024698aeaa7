import type { RouterOutputs } from "@hcp/api";
import { hallLongDateTimeText } from "@hcp/domain";

import { strings } from "../../lib/strings";
import { ReceiptQr } from "./ReceiptQr";
import { deskStrings } from "./strings";

export type TCaseReceipt = RouterOutputs["online"]["receipt"];

/** Hall-local date and time, as a citizen reads it on paper: "2026年11月25日 10:00". */
function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? strings.app.dash : hallLongDateTimeText(date);
}

/**
 * 办件回执 as printed for the citizen: what was done, where, by whom (亮牌: name and badge), when,
 * and how to rate it — the QR code for the signed link (channel 3), or case number + phone digits.
 * No phone number and the applicant's name only masked: the paper leaves the hall.
 */
export function ReceiptSheet(props: { receipt: TCaseReceipt; origin: string; printedAt: Date }) {
  const t = deskStrings.receipt;
  const { receipt } = props;
  const qrUrl = `${props.origin}${receipt.qrPath}`;
  const rows: [string, string][] = [
    [t.caseNo, receipt.caseNo],
    [t.item, receipt.itemName],
    [t.department, receipt.departmentName],
    [t.window, receipt.windowName ?? strings.app.dash],
    [
      t.staff,
      receipt.staffName ? t.staffLine(receipt.staffName, receipt.badgeNo ?? strings.app.dash) : strings.app.dash,
    ],
    [t.applicant, receipt.applicantNameMasked],
    [t.completedAt, formatDateTime(receipt.completedAt)],
  ];
  return (
    <article
      className="receipt-sheet"
      aria-labelledby="receipt-title"
      data-testid="receipt"
      data-case-no={receipt.caseNo}
    >
      <header className="receipt-head">
        <p className="receipt-hall">{receipt.hallName}</p>
        <h2 id="receipt-title">{t.title}</h2>
      </header>
      <dl className="receipt-facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <section className="receipt-rate" aria-labelledby="receipt-rate-heading">
        <ReceiptQr url={qrUrl} label={t.qrLabel} />
        <div className="receipt-rate-text">
          <h3 id="receipt-rate-heading">{t.rateHeading}</h3>
          <p>{t.qrHelp(formatDateTime(receipt.ratingDeadline))}</p>
          <p data-testid="receipt-lookup-help">{t.lookupHelp(`${props.origin}/rate`)}</p>
        </div>
      </section>
      <footer className="receipt-foot">{t.printedAt(formatDateTime(props.printedAt.toISOString()))}</footer>
    </article>
  );
}
