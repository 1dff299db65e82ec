/** How long each kiosk phase lasts, in milliseconds. */
export interface KioskTiming {
  /** Time without input before the countdown dialog opens. */
  idleMs: number;
  /** Length of the countdown before the session is wiped. */
  countdownMs: number;
  /** Time the confirmation stays on screen after a submission. */
  confirmationMs: number;
}

/** Production timing, used whenever the address sets nothing valid. */
export const DEFAULT_KIOSK_TIMING: KioskTiming = {
  idleMs: 90_000,
  countdownMs: 30_000,
  confirmationMs: 15_000,
};

/**
 * Query parameters that override one timing value, and the range each
 * accepts. They exist for end-to-end tests. A value outside its range, or
 * one that is not a whole number, is ignored and the default applies, so
 * no parameter can shorten a phase below 1 second.
 */
const OVERRIDES: {
  param: string;
  key: keyof KioskTiming;
  min: number;
  max: number;
}[] = [
  { param: "idle", key: "idleMs", min: 1_000, max: 600_000 },
  { param: "countdown", key: "countdownMs", min: 1_000, max: 120_000 },
  { param: "confirmation", key: "confirmationMs", min: 1_000, max: 120_000 },
];

/**
 * Reads the kiosk timing from the page's query parameters (`idle`,
 * `countdown`, `confirmation`, in ms), falling back to
 * {@link DEFAULT_KIOSK_TIMING} for each one that is missing or invalid.
 */
export function parseKioskTiming(
  searchParams: Record<string, string | string[] | undefined>,
): KioskTiming {
  const timing = { ...DEFAULT_KIOSK_TIMING };
  for (const { param, key, min, max } of OVERRIDES) {
    const raw = searchParams[param];
    if (typeof raw !== "string" || !/^\d{1,9}$/.test(raw)) continue;

    const value = Number(raw);
    if (value >= min && value <= max) timing[key] = value;
  }
  return timing;
}
