import type { InputIssue } from './command-error.js';
import { formatPath } from './command-error.js';

// An unpaired UTF-16 surrogate: a high one not followed by a low one, or a low one not preceded by
// a high one. JSON.parse produces them from "\ud800"; they are not Unicode text (no UTF-8 encoding
// exists, RFC 3629 §3), so canonical JSON (RFC 8785 §3.2.2.2) and the databases refuse them.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string cannot be stored as text, or undefined if it can. */
export function unsafeTextReason(text: string): string | undefined {
  // PostgreSQL text cannot hold U+0000 at all ("invalid byte sequence for encoding UTF8: 0x00").
  if (text.includes('\u0000')) return 'contains a NUL character (U+0000), which text may not hold';
  if (LONE_SURROGATE.test(text)) return 'contains an unpaired UTF-16 surrogate: not valid Unicode text';
  return undefined;
}

const MAX_ISSUES = 20;

/**
 * Every value in untrusted input that text columns, canonical JSON and the log cannot hold — a
 * string (object keys included) with a NUL or an unpaired surrogate, a number that is not finite
 * (`JSON.parse('1e400')` is Infinity; RFC 8785 has no form for it) — as input issues with their
 * field paths. Walks without recursion, so a deeply nested body cannot overflow the stack.
 *
 * @example
 * findUnstorableInput({ subject: 'a\ud800' }); // [{ path: 'subject', message: 'contains an unpaired …' }]
 */
export function findUnstorableInput(value: unknown, pathPrefix: readonly PropertyKey[] = []): InputIssue[] {
  const issues: InputIssue[] = [];
  // Paths are kept as links to the parent and spelled out only for an issue: copying the path at
  // every level would make a deep value cost the square of its depth.
  const stack: Array<{ readonly value: unknown; readonly at: PathLink | undefined }> = [{ value, at: undefined }];
  const report = (at: PathLink | undefined, reason: string): void => {
    issues.push({ path: formatPath([...pathPrefix, ...spell(at)]) || '(root)', message: reason });
  };
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const item = stack.pop();
    if (item === undefined) break;
    const { value: current, at } = item;
    if (typeof current === 'string') {
      const reason = unsafeTextReason(current);
      if (reason !== undefined) report(at, reason);
    } else if (typeof current === 'number') {
      if (!Number.isFinite(current)) report(at, 'is a number out of range: it must be finite');
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], at: { parent: at, key: i } });
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, child] of Object.entries(current).reverse()) {
        const link = { parent: at, key };
        const reason = unsafeTextReason(key);
        if (reason !== undefined) report(link, `its name ${reason}`);
        stack.push({ value: child, at: link });
      }
    }
  }
  return issues;
}

interface PathLink {
  readonly parent: PathLink | undefined;
  readonly key: PropertyKey;
}

function spell(at: PathLink | undefined): PropertyKey[] {
  const keys: PropertyKey[] = [];
  for (let link = at; link !== undefined; link = link.parent) keys.push(link.key);
  return keys.reverse();
}
