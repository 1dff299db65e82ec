/** A cron job's schedule, as `Crons.export()` writes it. */
export type CronSchedule =
  | { type: "interval"; seconds?: number; minutes?: number; hours?: number }
  | { type: "hourly"; minuteUTC?: number }
  | { type: "daily"; hourUTC: number; minuteUTC?: number }
  | { type: "weekly"; dayOfWeek: string; hourUTC: number; minuteUTC?: number }
  | { type: "monthly"; day: number; hourUTC: number; minuteUTC?: number }
  | { type: "cron"; cron: string };

const DAYS = [
  "sunday",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
];

const MINUTE_MS = 60_000;
/** Search horizon for the next match of a cron expression: about 5 years. */
const MAX_MINUTES = 5 * 366 * 24 * 60;

type Field = (value: number) => boolean;

/** Parses one field of a 5-field cron expression (`*`, `a-b`, `a,b`, `x/n`). */
function parseField(text: string, min: number, max: number): Field {
  const allowed = new Set<number>();
  for (const part of text.split(",")) {
    const [range, stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    let low = min;
    let high = max;
    if (range !== "*") {
      const [start, end] = range!.split("-");
      low = Number(start);
      if (end !== undefined) high = Number(end);
      else if (stepText === undefined) high = low;
    }
    if (
      ![low, high, step].every(Number.isInteger) ||
      step <= 0 ||
      low < min ||
      high > max
    ) {
      throw new Error(
        `Invalid cron field "${text}": expected values from ${min} to ${max}`,
      );
    }
    for (let value = low; value <= high; value += step) allowed.add(value);
  }
  return (value) => allowed.has(value);
}

/** Builds a matcher for a UTC minute from a 5-field cron expression. */
function cronMatcher(expression: string): (date: Date) => boolean {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    throw new Error(
      `Invalid cron expression "${expression}": expected 5 fields`,
    );
  }
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields as [
    string,
    string,
    string,
    string,
    string,
  ];
  const matchMinute = parseField(minute, 0, 59);
  const matchHour = parseField(hour, 0, 23);
  const matchDay = parseField(dayOfMonth, 1, 31);
  const matchMonth = parseField(month, 1, 12);
  const matchWeekday = parseField(dayOfWeek.replace(/7/g, "0"), 0, 6);
  const dayRestricted = dayOfMonth !== "*";
  const weekdayRestricted = dayOfWeek !== "*";
  return (date) => {
    if (!matchMinute(date.getUTCMinutes()) || !matchHour(date.getUTCHours()))
      return false;
    if (!matchMonth(date.getUTCMonth() + 1)) return false;
    const day = matchDay(date.getUTCDate());
    const weekday = matchWeekday(date.getUTCDay());
    // As in standard cron, a restricted day of month and day of week
    // match when either one does.
    if (dayRestricted && weekdayRestricted) return day || weekday;
    return day && weekday;
  };
}

/** Converts a calendar schedule to its cron expression. */
function toCronExpression(schedule: CronSchedule): string | null {
  switch (schedule.type) {
    case "hourly":
      return `${schedule.minuteUTC ?? 0} * * * *`;
    case "daily":
      return `${schedule.minuteUTC ?? 0} ${schedule.hourUTC} * * *`;
    case "weekly": {
      const day = DAYS.indexOf(schedule.dayOfWeek.toLowerCase());
      if (day === -1)
        throw new Error(`Invalid day of week "${schedule.dayOfWeek}"`);
      return `${schedule.minuteUTC ?? 0} ${schedule.hourUTC} * * ${day}`;
    }
    case "monthly":
      return `${schedule.minuteUTC ?? 0} ${schedule.hourUTC} ${schedule.day} * *`;
    case "cron":
      return schedule.cron;
    case "interval":
      return null;
  }
}

/** Returns the interval of an interval schedule in milliseconds. */
function intervalMs(
  schedule: Extract<CronSchedule, { type: "interval" }>,
): number {
  if (schedule.seconds !== undefined) return schedule.seconds * 1000;
  if (schedule.minutes !== undefined) return schedule.minutes * MINUTE_MS;
  return (schedule.hours ?? 1) * 60 * MINUTE_MS;
}

/**
 * Computes the next run time after `afterMs` (milliseconds since the
 * epoch). Interval schedules count from `afterMs`; calendar schedules run
 * at the start of the next matching UTC minute.
 */
export function nextRunMs(schedule: CronSchedule, afterMs: number): number {
  if (schedule.type === "interval") return afterMs + intervalMs(schedule);
  const matches = cronMatcher(toCronExpression(schedule)!);
  let candidate = Math.floor(afterMs / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  for (let i = 0; i < MAX_MINUTES; i++, candidate += MINUTE_MS) {
    if (matches(new Date(candidate))) return candidate;
  }
  throw new Error(
    `The cron schedule ${JSON.stringify(schedule)} never matches`,
  );
}
