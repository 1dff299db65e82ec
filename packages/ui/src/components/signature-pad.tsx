"use client";

import {
  isTypedSignatureAnswer,
  type SignatureAnswer,
  type TypedSignatureAnswer,
} from "@intake/form-schema";
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
import { TypedSignature } from "./typed-signature";

/** A signature answer, drawn or typed. */
type AnySignatureAnswer = SignatureAnswer | TypedSignatureAnswer;

/** Props of {@link SignaturePad}. */
export interface SignaturePadProps {
  /**
   * Id of the canvas, or of the name input while the patient types, which
   * an error summary link focuses.
   */
  id: string;
  /** Name of the typed-name input: the answer key. */
  name: string;
  value: AnySignatureAnswer | undefined;
  /** Receives the signature, or undefined once there is none. */
  onChange: (value: AnySignatureAnswer | undefined) => void;
  onBlur?: () => void;
  /** Ids of the field's help and error regions. */
  describedBy?: string;
  invalid?: boolean;
  required?: boolean;
}

/**
 * Lets the patient sign by drawing with a finger, stylus or mouse, or, with
 * "Type your name instead", by typing their name, so a keyboard alone can
 * complete the field. Each way keeps its own signature, and switching ways
 * makes that one the answer. Switching to typing moves focus to the name
 * input. Switching back leaves focus on the switch button.
 */
export default function SignaturePad({
  id,
  name,
  value,
  onChange,
  onBlur,
  describedBy,
  invalid = false,
  required = false,
}: SignaturePadProps) {
  const text = useUiText().signature;
  const [mode, setMode] = useState<"draw" | "type">(
    isTypedSignatureAnswer(value) ? "type" : "draw",
  );
  const [typedName, setTypedName] = useState(
    isTypedSignatureAnswer(value) ? value.typedName : "",
  );
  const [drawn, setDrawn] = useState(
    isSignatureAnswer(value) ? value : undefined,
  );
  const [seenValue, setSeenValue] = useState(value);
  const [announcement, setAnnouncement] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  const focusInput = useRef(false);

  // An answer set from outside, such as a restored draft, picks its mode.
  if (value !== seenValue) {
    setSeenValue(value);
    if (isTypedSignatureAnswer(value)) {
      setMode("type");
      setTypedName(value.typedName);
    } else if (isSignatureAnswer(value)) {
      setMode("draw");
      setDrawn(value);
    }
  }

  useEffect(() => {
    if (mode === "type" && focusInput.current) {
      focusInput.current = false;
      inputRef.current?.focus();
    }
  }, [mode]);

  function changeTypedName(next: string) {
    setTypedName(next);
    onChange(typedAnswer(next));
  }

  function changeDrawn(next: SignatureAnswer | undefined) {
    setDrawn(next);
    onChange(next);
  }

  function switchMode() {
    if (mode === "draw") {
      focusInput.current = true;
      setMode("type");
      setAnnouncement("");
      onChange(typedAnswer(typedName));
    } else {
      setMode("draw");
      setAnnouncement(text.instructions);
      onChange(drawn);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      {mode === "draw" ? (
        <DrawnSignature
          id={id}
          value={drawn}
          onChange={changeDrawn}
          onBlur={onBlur}
          describedBy={describedBy}
          invalid={invalid}
        />
      ) : (
        <TypedSignature
          id={id}
          name={name}
          typedName={typedName}
          onTypedNameChange={changeTypedName}
          onBlur={onBlur}
          describedBy={describedBy}
          invalid={invalid}
          required={required}
          inputRef={inputRef}
        />
      )}
      <Button
        variant="secondary"
        onClick={switchMode}
        onBlur={onBlur}
        className="self-start"
      >
        {mode === "draw" ? text.typeInstead : text.drawInstead}
      </Button>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}

/** Returns the typed answer of `typedName`, or undefined while it is blank. */
function typedAnswer(typedName: string): TypedSignatureAnswer | undefined {
  return typedName.trim() === "" ? undefined : { typedName };
}

/** Props of {@link DrawnSignature}. */
interface DrawnSignatureProps {
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
 * never download it. Drawing has no keyboard equivalent, so the pad's
 * description points to typing the name instead. The text under the pad
 * states whether the field is signed.
 */
function DrawnSignature({
  id,
  value,
  onChange,
  onBlur,
  describedBy,
  invalid = false,
}: DrawnSignatureProps) {
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
        // focuses it, so the note on typing instead is part of its
        // description.
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
