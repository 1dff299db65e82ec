"use client";

import type { SignatureAnswer } from "@intake/form-schema";
import type SignaturePadClass from "signature_pad";
import { useEffect, useRef, useState } from "react";

import { cn } from "../lib/cn";
import {
  isSignatureAnswer,
  pointsFromSignature,
  signatureFromPoints,
} from "../lib/signature-strokes";
import { useUiText } from "../text/ui-text-context";
import { Button } from "./button";

/** Props of {@link SignaturePad}. */
export interface SignaturePadProps {
  /** Id of the canvas, which an error summary link focuses. */
  id: string;
  value: SignatureAnswer | undefined;
  /** Receives the drawn signature, or undefined after Clear. */
  onChange: (value: SignatureAnswer | undefined) => void;
  onBlur?: () => void;
  /** Ids of the field's help and error regions. */
  describedBy?: string;
  invalid?: boolean;
}

/** Ink colour of the pen, the `--color-ink` token. */
const PEN_COLOR = "#1a1d23";

/**
 * Lets the patient draw a signature with a finger, stylus or mouse. The
 * `signature_pad` package loads on mount, so forms without a signature
 * never download it. Drawing has no keyboard equivalent, and a typed name
 * is not a signature, so the pad states this and tells the patient where to
 * get help. The text under the pad states whether the field is signed.
 */
export default function SignaturePad({
  id,
  value,
  onChange,
  onBlur,
  describedBy,
  invalid = false,
}: SignaturePadProps) {
  const text = useUiText().signature;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePadClass | null>(null);
  const valueRef = useRef(value);
  const onChangeRef = useRef(onChange);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    valueRef.current = value;
    onChangeRef.current = onChange;
  });

  useEffect(() => {
    let cancelled = false;
    let removeResize = () => {};

    import("signature_pad")
      .then(({ default: SignaturePadClass }) => {
        const canvas = canvasRef.current;
        if (cancelled || canvas === null) return;

        const pad = new SignaturePadClass(canvas, {
          penColor: PEN_COLOR,
          minWidth: 0.8,
          maxWidth: 2.6,
        });
        padRef.current = pad;
        fitCanvas(canvas, pad, valueRef.current);

        pad.addEventListener("endStroke", () => {
          const box = canvas.getBoundingClientRect();
          const answer = signatureFromPoints(
            pad.toData(),
            box.width,
            box.height,
          );
          onChangeRef.current(answer);
          setAnnouncement("");
        });

        // Resizing a canvas clears it, so the answer is drawn again.
        const onResize = () => fitCanvas(canvas, pad, valueRef.current);
        window.addEventListener("resize", onResize);
        removeResize = () => window.removeEventListener("resize", onResize);
        setState("ready");
      })
      .catch(() => {
        if (!cancelled) setState("failed");
      });

    return () => {
      cancelled = true;
      removeResize();
      padRef.current?.off();
      padRef.current = null;
    };
  }, []);

  function clear() {
    padRef.current?.clear();
    onChange(undefined);
    setAnnouncement(text.cleared);
  }

  const instructionsId = `${id}-instructions`;
  const statusId = `${id}-status`;
  const keyboardNoteId = `${id}-keyboard-note`;
  const signed = isSignatureAnswer(value) && value.strokes.length > 0;

  return (
    <div className="flex flex-col gap-2">
      <p id={instructionsId} className="text-base">
        {text.instructions}
      </p>
      <canvas
        ref={canvasRef}
        id={id}
        role="img"
        tabIndex={-1}
        aria-label={text.padLabel}
        // The canvas is not in the tab order, but the error summary link
        // focuses it, so the note on getting help is part of its description.
        aria-describedby={cn(
          instructionsId,
          statusId,
          keyboardNoteId,
          describedBy,
        )}
        onBlur={onBlur}
        className={cn(
          "h-44 w-full touch-none rounded-lg border-2 bg-canvas",
          invalid ? "border-danger" : "border-border",
        )}
      />
      {state === "loading" ? (
        <p className="text-muted">{text.loading}</p>
      ) : null}
      {state === "failed" ? (
        <p className="font-semibold text-danger">{text.loadFailed}</p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p id={statusId} className="font-semibold">
          {signed ? text.signed : text.unsigned}
        </p>
        <Button
          variant="secondary"
          onClick={clear}
          disabled={!signed}
          onBlur={onBlur}
        >
          {text.clear}
        </Button>
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <p id={keyboardNoteId} className="text-base text-muted">
        {text.keyboardNote}
      </p>
    </div>
  );
}

/**
 * Sizes the canvas backing store to its box times the device pixel ratio,
 * so strokes stay sharp, and redraws `answer` scaled to the new box.
 */
function fitCanvas(
  canvas: HTMLCanvasElement,
  pad: SignaturePadClass,
  answer: SignatureAnswer | undefined,
) {
  const ratio = Math.max(window.devicePixelRatio || 1, 1);
  const box = canvas.getBoundingClientRect();
  canvas.width = Math.round(box.width * ratio);
  canvas.height = Math.round(box.height * ratio);
  canvas.getContext("2d")?.scale(ratio, ratio);
  pad.clear();

  if (!isSignatureAnswer(answer)) return;
  const groups = pointsFromSignature(answer, box.width, box.height).map(
    (points) => ({
      points: points.map((point) => ({ ...point, pressure: 0.5, time: 0 })),
      penColor: pad.penColor,
      dotSize: pad.dotSize,
      minWidth: pad.minWidth,
      maxWidth: pad.maxWidth,
      velocityFilterWeight: pad.velocityFilterWeight,
      compositeOperation: pad.compositeOperation,
    }),
  );
  pad.fromData(groups);
}
