const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A date as the registry writes it (ISO 8601, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`) from the forms
 * peer data sets use: ISO already (`2021-07-15`, `2016-04-15 16:03:28 +0000`), `31 October 2011`,
 * `October 2011`, US `7/15/2021`. Anything else is unknown (null), never guessed.
 *
 * @example
 * parseLooseDate('31 October 2011'); // '2011-10-31'
 * parseLooseDate('soon');            // null
 */
export function parseLooseDate(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[ T].*)?$/.exec(t);
  if (iso) return valid(Number(iso[1]), iso[2] === undefined ? undefined : Number(iso[2]), iso[3] === undefined ? undefined : Number(iso[3]));
  const dmy = /^(\d{1,2}) ([A-Za-z]+),? (\d{4})$/.exec(t);
  if (dmy) return valid(Number(dmy[3]), month(dmy[2] ?? ''), Number(dmy[1]));
  const mdy = /^([A-Za-z]+) (\d{1,2}),? (\d{4})$/.exec(t);
  if (mdy) return valid(Number(mdy[3]), month(mdy[1] ?? ''), Number(mdy[2]));
  const my = /^([A-Za-z]+),? (\d{4})$/.exec(t);
  if (my) return valid(Number(my[2]), month(my[1] ?? ''), undefined);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (us) return valid(Number(us[3]), Number(us[1]), Number(us[2]));
  return null;
}

function month(name: string): number {
  const index = MONTHS.findIndex((m) => m === name.toLowerCase() || (name.length >= 3 && m.startsWith(name.toLowerCase().replace(/\.$/, ''))));
  return index + 1;
}

function valid(year: number, monthNumber: number | undefined, day: number | undefined): string | null {
  if (year < 1000 || year > 2999) return null;
  if (monthNumber === undefined) return String(year);
  if (monthNumber < 1 || monthNumber > 12) return null;
  if (day === undefined) return `${year}-${pad(monthNumber)}`;
  const date = new Date(Date.UTC(year, monthNumber - 1, day));
  if (date.getUTCMonth() !== monthNumber - 1 || day < 1) return null;
  return `${year}-${pad(monthNumber)}-${pad(day)}`;
}
