"use client";

import { useEffect, useRef, type ReactNode } from "react";

/** Props of {@link ModalDialog}. */
export interface ModalDialogProps {
  /** `alertdialog` for a warning that needs a response. */
  role?: "dialog" | "alertdialog";
  labelledBy: string;
  describedBy?: string;
  /** Called on Escape, which closes the dialog. */
  onCancel: () => void;
  children: ReactNode;
}

/**
 * Shows a native modal `<dialog>` while mounted. `showModal` makes the
 * rest of the page inert and keeps focus inside the dialog.
 */
export function ModalDialog({
  role = "dialog",
  labelledBy,
  describedBy,
  onCancel,
  children,
}: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      role={role}
      aria-modal="true"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      className="m-auto w-[min(36rem,calc(100%-2rem))] rounded-xl border-2 border-border-subtle bg-canvas p-8 text-ink shadow-xl backdrop:bg-black/60"
    >
      {children}
    </dialog>
  );
}
