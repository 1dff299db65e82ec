const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * Checks that `value` is a calendar date written as YYYY-MM-DD, the format of
 * an HTML date input. Rejects impossible days such as 2023-02-29.
 */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) {
    return false;
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) {
    return false;
  }
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Formats a YYYY-MM-DD date for a message, like "April 23, 1985". Built by
 * hand so the text is the same on every device and time zone.
 */
export function formatIsoDate(value: string): string {
  const match = ISO_DATE.exec(value);
  const monthName = match ? MONTH_NAMES[Number(match[2]) - 1] : undefined;
  if (!match || !monthName) {
    return value;
  }
  return `${monthName} ${Number(match[3])}, ${match[1]}`;
}
