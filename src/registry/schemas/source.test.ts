import { describe, expect, it } from 'vitest';
import { CommandError } from '../../core/command-error.js';
import { parseRecordInput } from '../record-input.js';
import { isLinked, sourceSchema } from './source.js';

const DIGEST = 'a'.repeat(64);

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    parseRecordInput('source', input);
  } catch (error) {
    if (error instanceof CommandError) return error.issues.map((i) => ({ path: i.path, message: i.message }));
    throw error;
  }
  return [];
}

describe('source schema', () => {
  it('takes an archived copy with its digest, a Federal Register citation and a document number', () => {
    const parsed = sourceSchema.parse({ id: 'fr-rule', title: 'A rule', file: 'archive/rule.txt', sha256: DIGEST, citation: '86 FR 60759', documentNumber: '2021-24123' });
    expect(parsed).toMatchObject({ file: 'archive/rule.txt', sha256: DIGEST, citation: '86 FR 60759', documentNumber: '2021-24123', status: 'documented' });
    expect(isLinked(parsed)).toBe(true);
  });

  it('names the field of a digest without its file, a malformed digest and a malformed citation', () => {
    expect(issuesOf({ id: 'x', title: 'X', sha256: DIGEST })).toEqual([{ path: 'file', message: 'a source with a sha256 needs the file it is the digest of' }]);
    expect(issuesOf({ id: 'x', title: 'X', file: 'archive/x.txt', sha256: 'ABC' }).map((i) => i.path)).toEqual(['sha256']);
    expect(issuesOf({ id: 'x', title: 'X', url: 'https://example.org/x', citation: 'Fed. Reg. 86:60759' }).map((i) => i.path)).toEqual(['citation']);
  });

  it('refuses a file path that leaves the dataset directory', () => {
    for (const file of ['../etc/passwd', 'archive/../../x.txt', '/etc/passwd', 'archive/./x.txt', 'archive//x.txt']) {
      expect(issuesOf({ id: 'x', title: 'X', file }).map((i) => i.path), file).toEqual(['file']);
    }
  });

  it('lets only a source with neither a link nor a copy say why it has none', () => {
    const neither = sourceSchema.parse({ id: 'x', title: 'X', noLinkReason: 'A summary of several reports.' });
    expect(isLinked(neither)).toBe(false);
    expect(issuesOf({ id: 'x', title: 'X', url: 'https://example.org/x', noLinkReason: 'none' }).map((i) => i.path)).toEqual(['noLinkReason']);
    // A file without its digest is not a copy anyone can check, so it does not count as linked.
    expect(isLinked(sourceSchema.parse({ id: 'x', title: 'X', file: 'archive/x.txt' }))).toBe(false);
  });
});
