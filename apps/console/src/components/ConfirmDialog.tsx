import { useEffect, useId, useRef } from "react";
import { createPortal } from "react-dom";

import { strings } from "../lib/strings";

import "./ConfirmDialog.css";

export interface ConfirmDialogProps {
  /** the question, e.g. "解除窗口 A01 的评价器配对？" */
  title: string;
  /** what happens if confirmed, in plain words */
  body: readonly string[];
  /** the confirming button names the act, e.g. "确认解除配对" */
  confirmLabel: string;
  onConfirm: () => void;
  /** 取消, Esc or closing the dialog: nothing is done */
  onCancel: () => void;
}

/**
 * A consequential act asked once more before it happens: a modal alert dialog (focus kept inside,
 * Esc cancels) whose focus starts on 取消, so a reflexive Enter changes nothing. Focus returns to
 * the button that opened it.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  // Set when confirmed, so the close that follows is not read as a cancel.
  const confirmed = useRef(false);
  const handlers = useRef(props);
  handlers.current = props;

  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    cancel.current?.focus();
    return () => {
      if (element?.open) element.close();
      opener?.focus();
    };
  }, []);

  const settle = () => {
    if (confirmed.current) handlers.current.onConfirm();
    else handlers.current.onCancel();
  };

  return createPortal(
    <dialog
      ref={dialog}
      className="confirm-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        settle();
      }}
    >
      <h2 id={titleId}>{props.title}</h2>
      <div id={bodyId}>
        {props.body.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <div className="confirm-actions">
        <button ref={cancel} type="button" className="btn btn-secondary" onClick={settle}>
          {strings.app.cancel}
        </button>
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => {
            confirmed.current = true;
            settle();
          }}
        >
          {props.confirmLabel}
        </button>
      </div>
    </dialog>,
    document.body,
  );
}
