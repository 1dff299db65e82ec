"use client";

import { Button } from "@intake/ui";

import { useMessages } from "../i18n/locale-context";
import { ModalDialog } from "./modal-dialog";

/** Props of {@link IdleDialog}. */
export interface IdleDialogProps {
  secondsLeft: number;
  onContinue: () => void;
}

/**
 * Warns that the session is about to be wiped. The description is read
 * when the dialog opens. After that the visible count is not announced
 * each second, which would drown out everything else, but a live region
 * announces every tenth second and the last five.
 */
export function IdleDialog({ secondsLeft, onContinue }: IdleDialogProps) {
  const announce = secondsLeft % 10 === 0 || secondsLeft <= 5;
  const text = useMessages().kiosk;

  return (
    <ModalDialog
      role="alertdialog"
      labelledBy="idle-title"
      describedBy="idle-description"
      onCancel={onContinue}
    >
      <div className="flex flex-col gap-6">
        <h2 id="idle-title" className="text-3xl font-bold">
          {text.idleTitle}
        </h2>
        <p id="idle-description" className="text-xl">
          {text.idleBody}
        </p>
        <p role="timer" className="text-center text-5xl font-bold">
          {secondsLeft} s
        </p>
        <p aria-live="polite" className="sr-only">
          {announce ? text.secondsLeft(secondsLeft) : null}
        </p>
        <Button autoFocus size="large" onClick={onContinue}>
          {text.keepGoing}
        </Button>
      </div>
    </ModalDialog>
  );
}
