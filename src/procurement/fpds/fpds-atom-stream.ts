import { SaxesParser } from 'saxes';
import type { ContractTransaction } from '../contract-transaction.js';
import { ProcurementError } from '../procurement-error.js';
import { awardToTransaction } from './award-to-transaction.js';
import { childAt, isXmlNode } from './xml-node.js';

/** What one `<entry>` of a feed gave: a contract award, or something else passed over. */
export type FpdsAtomItem =
  | { readonly kind: 'transaction'; readonly transaction: ContractTransaction }
  | { readonly kind: 'skipped'; readonly line: number; readonly entryKind: string };

/** One element being read inside an entry. */
interface Frame {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: Map<string, unknown[]>;
  text: string;
}

/** An FPDS entry is a few kilobytes; one this large is not an FPDS entry, and must not fill memory. */
export const MAX_ENTRY_CHARS = 16 * 1024 * 1024;

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/**
 * Reads an FPDS-NG ATOM feed as it arrives, chunk by chunk (a SAX parser, saxes): only the entry
 * being read is held, as a small tree in the shape `xml-node.ts` reads (namespace prefixes removed,
 * attributes as `@_name`, text as `#text`, repeated elements as arrays), so memory does not grow
 * with the feed. Each finished entry is handed to `onItem` at once; the feed's `rel="next"` link
 * is kept in `next`. A document whose root is not `<feed>` is refused at its first tag; malformed
 * XML, with its line. Errors are `ProcurementError` `BAD_XML`.
 *
 * @example
 * const stream = new FpdsAtomStream('feed.xml', (item) => items.push(item));
 * for await (const chunk of createReadStream('feed.xml', 'utf8')) stream.write(chunk);
 * stream.end();
 */
export class FpdsAtomStream {
  /** The feed's `<link rel="next">` href, once read. */
  next: string | null = null;
  readonly #file: string;
  readonly #parser: SaxesParser<{ xmlns: false; position: true; fileName: string }>;
  readonly #frames: Frame[] = [];
  #depth = 0;
  #root = false;
  #entryLine = 0;
  #entryChars = 0;

  constructor(file: string, onItem: (item: FpdsAtomItem) => void) {
    this.#file = file;
    const parser = new SaxesParser<{ xmlns: false; position: true; fileName: string }>({ xmlns: false, position: true, fileName: file });
    this.#parser = parser;
    parser.on('opentagstart', (tag) => {
      if (this.#depth === 1 && localName(tag.name) === 'entry') this.#entryLine = parser.line;
    });
    parser.on('opentag', (tag) => {
      const name = localName(tag.name);
      this.#depth++;
      if (this.#depth === 1) {
        if (name !== 'feed') throw this.#fail(`not an ATOM feed (the root element is <${tag.name}>, not <feed>)`);
        this.#root = true;
        return;
      }
      if (this.#depth === 2 && name === 'link' && tag.attributes['rel'] === 'next') this.next = tag.attributes['href'] ?? null;
      // A frame per element inside an entry (the entry at depth 2 included); none elsewhere.
      const insideEntry = this.#depth > 2 && this.#frames.length === this.#depth - 2;
      if (!(this.#depth === 2 && name === 'entry') && !insideEntry) return;
      if (this.#depth === 2) this.#entryChars = 0;
      const attributes: Record<string, string> = {};
      for (const [key, value] of Object.entries(tag.attributes)) {
        if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
        attributes[localName(key)] = value;
        this.#count(key.length + value.length);
      }
      this.#frames.push({ name, attributes, children: new Map(), text: '' });
    });
    const text = (value: string): void => {
      const frame = this.#frames.at(-1);
      if (frame === undefined) return;
      this.#count(value.length);
      frame.text += value;
    };
    parser.on('text', text);
    parser.on('cdata', text);
    parser.on('closetag', () => {
      const depth = this.#depth--;
      const frame = this.#frames.at(-1);
      if (frame === undefined || this.#frames.length !== depth - 1) return;
      this.#frames.pop();
      const node = toNode(frame);
      const parent = this.#frames.at(-1);
      if (parent !== undefined) {
        const siblings = parent.children.get(frame.name);
        if (siblings) siblings.push(node);
        else parent.children.set(frame.name, [node]);
        return;
      }
      onItem(entryItem(node, { file: this.#file, line: this.#entryLine }));
    });
  }

  /** Feeds the next piece of the document. */
  write(chunk: string): void {
    try {
      this.#parser.write(chunk);
    } catch (error) {
      throw this.#wrap(error);
    }
  }

  /** Ends the document: refuses one that stopped mid-way or had no `<feed>`. */
  end(): void {
    try {
      this.#parser.close();
    } catch (error) {
      throw this.#wrap(error);
    }
    if (!this.#root) throw this.#fail('not an ATOM feed (no <feed> element)');
  }

  #count(chars: number): void {
    this.#entryChars += chars;
    if (this.#entryChars > MAX_ENTRY_CHARS) throw this.#fail(`the entry starting at line ${this.#entryLine} is larger than ${MAX_ENTRY_CHARS} characters: not an FPDS entry`);
  }

  #fail(message: string): ProcurementError {
    return new ProcurementError({ code: 'BAD_XML', message, where: `${this.#file}:${this.#parser.line}` });
  }

  #wrap(error: unknown): ProcurementError {
    if (error instanceof ProcurementError) return error;
    const message = error instanceof Error ? error.message : String(error);
    return new ProcurementError({ code: 'BAD_XML', message: `not well-formed XML: ${message}`, where: `${this.#file}:${this.#parser.line}`, cause: error });
  }
}

/** A finished element as fast-xml-parser would have given it (attributes, children, text, trimmed). */
function toNode(frame: Frame): unknown {
  const text = frame.text.trim();
  if (frame.children.size === 0 && Object.keys(frame.attributes).length === 0) return text;
  const node: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(frame.attributes)) node[`@_${key}`] = value;
  for (const [name, list] of frame.children) node[name] = list.length === 1 ? list[0] : list;
  if (text !== '') node['#text'] = text;
  return node;
}

function entryItem(entry: unknown, origin: { file: string; line: number }): FpdsAtomItem {
  const content = childAt(entry, 'content');
  const award = childAt(content, 'award');
  if (award === undefined) {
    const entryKind = isXmlNode(content) ? (Object.keys(content).find((key) => !key.startsWith('@_') && key !== '#text') ?? 'empty') : 'empty';
    return { kind: 'skipped', line: origin.line, entryKind };
  }
  return { kind: 'transaction', transaction: awardToTransaction(award, origin) };
}
