/**
 * HTML that is safe to send: text produced by the `html` tag, in which every interpolated string
 * was escaped. Only this module can make one, so untrusted text cannot reach a page unescaped.
 */
export class SafeHtml {
  readonly #text: string;

  private constructor(text: string) {
    this.#text = text;
  }

  /** @internal Used by `html` alone; a value built any other way has not been escaped. */
  static fromEscaped(text: string, key: symbol): SafeHtml {
    if (key !== ESCAPED) throw new Error('SafeHtml can only be made by the html tag');
    return new SafeHtml(text);
  }

  toString(): string {
    return this.#text;
  }
}

const ESCAPED = Symbol('escaped');

/** What may be interpolated: markup from `html`, text (escaped), numbers, nothing, or lists of these. */
export type Renderable = SafeHtml | string | number | boolean | null | undefined | readonly Renderable[];

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for an HTML text node or a quoted attribute value (OWASP XSS Prevention Cheat
 * Sheet, rules 1 and 2: the five significant characters; attributes are always quoted here).
 *
 * @example
 * escapeHtml('<script>alert(1)</script>'); // '&lt;script&gt;alert(1)&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function render(value: Renderable): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof SafeHtml) return value.toString();
  if (typeof value === 'number') return escapeHtml(String(value));
  if (typeof value === 'string') return escapeHtml(value);
  return value.map(render).join('');
}

/**
 * The template tag every page is written with: the literal parts are markup, every value is
 * escaped unless it is itself `html` output. Booleans, null and undefined render nothing, so
 * `${condition && html`…`}` works; arrays render their items in order.
 *
 * @example
 * const name = '<b>Acme</b>';
 * html`<h1>${name}</h1>`.toString(); // '<h1>&lt;b&gt;Acme&lt;/b&gt;</h1>'
 */
export function html(strings: TemplateStringsArray, ...values: readonly Renderable[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return SafeHtml.fromEscaped(out, ESCAPED);
}
