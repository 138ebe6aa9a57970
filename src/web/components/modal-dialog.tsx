import "./modal-dialog.css";
import { type ReactNode, useEffect, useRef } from "react";
import { Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";

/**
 * A modal dialog: focus moves in and stays inside, Escape closes it, focus returns to the
 * button that opened it. A click outside does not close it, so a half-filled form is not lost.
 */
export function ModalDialog({
  title,
  isOpen,
  onClose,
  children,
  role = "dialog",
  size = "normal",
}: {
  title: string;
  isOpen: boolean;
  onClose: () => void;
  children: ReactNode;
  /** "alertdialog" for a question that needs an answer, such as confirming a deletion. */
  role?: "dialog" | "alertdialog";
  size?: "normal" | "wide" | "small";
}) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Modal className={`modal modal-${size}`}>
        <Dialog className="modal-dialog" role={role}>
          <Heading slot="title" level={2} className="modal-title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** Asks before something that cannot be undone; the safe answer is the first button focused. */
export function ConfirmDialog({
  title,
  isOpen,
  onCancel,
  onConfirm,
  confirmLabel,
  cancelLabel,
  busy,
  children,
}: {
  title: string;
  isOpen: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  children?: ReactNode;
}) {
  const safe = useRef<HTMLButtonElement>(null);
  // After the dialog has taken focus itself, hand it to the safe answer.
  useEffect(() => {
    if (!isOpen) return;
    const frame = requestAnimationFrame(() => safe.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [isOpen]);
  return (
    <ModalDialog title={title} isOpen={isOpen} onClose={onCancel} role="alertdialog" size="small">
      {children}
      <div className="modal-actions">
        <button ref={safe} type="button" className="button" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button
          type="button"
          className="button button-danger-solid"
          onClick={onConfirm}
          disabled={busy}
        >
          {confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
