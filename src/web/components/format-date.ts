const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A registry date (ISO 8601, possibly reduced to a month or a year) in words, without inventing
 * the parts a source does not give: `2025-09` is "September 2025", not "1 September 2025".
 *
 * @example
 * formatDate('2024-09-27'); // '27 September 2024'
 * formatDate('2025-09'); // 'September 2025'
 */
export function formatDate(date: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year ?? date;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/**
 * A timestamp (ISO 8601 with time) as its UTC date and minute: "23 November 2026, 10:00 UTC".
 *
 * @example
 * formatTimestamp('2026-11-23T10:00:00.000Z'); // '23 November 2026, 10:00 UTC'
 */
export function formatTimestamp(timestamp: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(timestamp);
  return match ? `${formatDate(match[1] ?? '')}, ${match[2]} UTC` : timestamp;
}
