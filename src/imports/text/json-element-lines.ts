/**
 * The line (1-based) on which each element of a JSON text's top-level array starts, so that a
 * report can name "line 412" of a 2 MB `companies.json` rather than "element 37". The text must
 * already be valid JSON (JSON.parse has accepted it); strings are skipped with their escapes.
 *
 * @example
 * jsonElementLines('[\n {"a": 1},\n {"a": 2}\n]'); // [2, 3]
 */
export function jsonElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let expectElement = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '\n') {
      line += 1;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') continue;
    if (depth === 1 && expectElement && ch !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (ch === '"') {
      for (i += 1; i < text.length && text[i] !== '"'; i += 1) if (text[i] === '\\') i += 1;
      continue;
    }
    if (ch === '[' || ch === '{') {
      depth += 1;
      if (depth === 1) expectElement = true;
    } else if (ch === ']' || ch === '}') {
      depth -= 1;
    } else if (ch === ',' && depth === 1) {
      expectElement = true;
    }
  }
  return lines;
}
