import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";

import { QueryView } from "../../components/QueryView";
import { trpc } from "../../lib/trpc";
import { ReceiptSheet } from "./ReceiptSheet";
import { deskStrings } from "./strings";

import "./Receipt.css";

/**
 * The print view of a case's 办件回执: a modal dialog (focus kept inside, Esc closes) rendered
 * straight under <body>, so the print stylesheet can hide everything else with one rule.
 */
export function ReceiptDialog(props: { caseId: number; caseNo: string; onClose: () => void }) {
  const t = deskStrings.receipt;
  const receipt = useQuery(
    trpc.online.receipt.queryOptions({ caseId: props.caseId }, { staleTime: Infinity, retry: false }),
  );
  const dialog = useRef<HTMLDialogElement>(null);
  const [printedAt] = useState(() => new Date());
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;

  useEffect(() => {
    const element = dialog.current;
    // Where to put focus back: the 打印回执 button the staff member pressed.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    return () => {
      if (element?.open) element.close();
      opener?.focus();
    };
  }, []);

  return createPortal(
    <dialog
      ref={dialog}
      className="receipt-dialog"
      aria-label={t.dialogLabel(props.caseNo)}
      onClose={() => onClose.current()}
      data-testid="receipt-dialog"
    >
      <div className="receipt-toolbar">
        <button
          type="button"
          className="btn btn-primary"
          disabled={receipt.data === undefined}
          onClick={() => window.print()}
        >
          {t.print}
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => dialog.current?.close()}>
          {t.close}
        </button>
      </div>
      <QueryView query={receipt}>
        {(data) => <ReceiptSheet receipt={data} origin={window.location.origin} printedAt={printedAt} />}
      </QueryView>
    </dialog>,
    document.body,
  );
}
