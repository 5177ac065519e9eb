/** Escapes text for XML character data and attribute values (XML 1.0 §2.4). */
export function escapeXml(text: string): string {
  // Characters XML 1.0 forbids altogether are dropped (§2.2); markup characters are escaped.
  return text
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export interface AtomEntry {
  readonly id: string;
  readonly title: string;
  readonly updated: string;
  readonly published?: string;
  readonly link: string;
  readonly related?: readonly string[];
  readonly summary: string;
  readonly categories?: readonly string[];
}

/**
 * An Atom 1.0 feed (RFC 4287): every value escaped, dates RFC 3339.
 *
 * @example
 * atomFeed({ id, title: 'Countersign alerts', self, alternate, updated, entries });
 */
export function atomFeed({ id, title, self, alternate, updated, entries }: { id: string; title: string; self: string; alternate: string; updated: string; entries: readonly AtomEntry[] }): string {
  const e = escapeXml;
  const items = entries.map(
    (entry) => `  <entry>
    <id>${e(entry.id)}</id>
    <title>${e(entry.title)}</title>
    <updated>${e(entry.updated)}</updated>${entry.published ? `\n    <published>${e(entry.published)}</published>` : ''}
    <link rel="alternate" type="text/html" href="${e(entry.link)}"/>${(entry.related ?? []).map((href) => `\n    <link rel="related" href="${e(href)}"/>`).join('')}
    <summary type="text">${e(entry.summary)}</summary>${(entry.categories ?? []).map((c) => `\n    <category term="${e(c)}"/>`).join('')}
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${e(id)}</id>
  <title>${e(title)}</title>
  <updated>${e(updated)}</updated>
  <link rel="self" type="application/atom+xml" href="${e(self)}"/>
  <link rel="alternate" type="text/html" href="${e(alternate)}"/>
  <author><name>Countersign</name></author>
  <generator>Countersign</generator>
${items.join('\n')}
</feed>
`;
}
