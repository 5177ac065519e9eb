import { describe, expect, it } from 'vitest';
import { escapeHtml, html, SafeHtml } from './html.js';
import { localPath, safeHref } from './safe-href.js';

describe('html', () => {
  it('escapes every interpolated string, in text and in quoted attributes', () => {
    const name = '<script>alert(1)</script>';
    const attribute = '" onmouseover="alert(1)';
    expect(html`<h1 title="${attribute}">${name}</h1>`.toString()).toBe('<h1 title="&quot; onmouseover=&quot;alert(1)">&lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('keeps nested html output as markup, renders lists in order and skips nothing-values', () => {
    const items = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>${false}${null}${undefined}${0}`.toString()).toBe('<ul><li>a&lt;b</li><li>c</li></ul>0');
  });

  it('cannot be forged from outside the module', () => {
    expect(() => SafeHtml.fromEscaped('<script>', Symbol('escaped'))).toThrow();
  });
});

describe('safeHref', () => {
  it('lets only absolute http and https addresses become links', () => {
    expect(safeHref('https://www.commerce.gov/news')).toBe('https://www.commerce.gov/news');
    expect(safeHref('http://example.org/a b')).toBe('http://example.org/a%20b');
    for (const bad of ['javascript:alert(1)', ' javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '//evil.example/', '/relative', 'not a url', '']) {
      expect(safeHref(bad)).toBeNull();
    }
  });
});

describe('localPath', () => {
  it('keeps local paths and refuses other origins', () => {
    expect(localPath('/review?done=accepted')).toBe('/review?done=accepted');
    for (const bad of ['https://evil.example/', '//evil.example', '/\\evil.example', 'review', '/\nx', undefined]) expect(localPath(bad)).toBe('/');
  });
});
