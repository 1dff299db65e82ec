"use client";

import { useEffect, useEffectEvent, useState } from "react";

/** Events that count as the patient using the kiosk. */
const ACTIVITY_EVENTS = [
  "pointerdown",
  "keydown",
  "input",
  "wheel",
  "touchstart",
] as const;

/**
 * Tracks inactivity. After `idleMs` without input, `secondsLeft` starts
 * counting down from `countdownMs`, and `onExpire` runs when it reaches
 * zero. Input during the countdown does not stop it: only `keepGoing`
 * does, so a stray touch cannot hide the warning. Nothing runs while
 * `enabled` is false.
 */
export function useIdleCountdown({
  idleMs,
  countdownMs,
  enabled,
  onExpire,
}: {
  idleMs: number;
  countdownMs: number;
  enabled: boolean;
  onExpire: () => void;
}) {
  const [countdownEnd, setCountdownEnd] = useState<number | null>(null);
  const [secondsLeft, setSecondsLeft] = useState(0);
  const expire = useEffectEvent(onExpire);
  const warning = countdownEnd !== null;

  useEffect(() => {
    if (!enabled || warning) return;

    let timer = 0;
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        setSecondsLeft(Math.ceil(countdownMs / 1000));
        setCountdownEnd(Date.now() + countdownMs);
      }, idleMs);
    };
    restart();
    for (const name of ACTIVITY_EVENTS) {
      window.addEventListener(name, restart, { capture: true, passive: true });
    }
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) {
        window.removeEventListener(name, restart, { capture: true });
      }
    };
  }, [enabled, warning, idleMs, countdownMs]);

  useEffect(() => {
    if (!enabled || countdownEnd === null) return;

    // Reading the clock on each tick keeps the count right when the
    // browser delays timers of a busy or hidden page.
    const tick = () => {
      const left = Math.max(0, Math.ceil((countdownEnd - Date.now()) / 1000));
      setSecondsLeft(left);
      if (left === 0) {
        window.clearInterval(interval);
        expire();
      }
    };
    const interval = window.setInterval(tick, 250);
    return () => window.clearInterval(interval);
  }, [enabled, countdownEnd]);

  function keepGoing() {
    setCountdownEnd(null);
  }

  return { warning: warning && enabled, secondsLeft, keepGoing };
}
