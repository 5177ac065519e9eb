/**
 * A count with its noun in the right number: "1 alert", "2 alerts", "0 alerts". English only
 * needs the singular for exactly one; irregular plurals are given (`countNoun(n, 'entry', 'entries')`).
 * Large counts get thousands separators, as people read them.
 *
 * @example
 * countNoun(1, 'alert'); // '1 alert'
 * countNoun(1200, 'tile'); // '1,200 tiles'
 * countNoun(2, 'entry', 'entries'); // '2 entries'
 */
export function countNoun(count: number | bigint, singular: string, plural = `${singular}s`): string {
  const one = typeof count === 'bigint' ? count === 1n : count === 1;
  return `${count.toLocaleString('en-US')} ${one ? singular : plural}`;
}
