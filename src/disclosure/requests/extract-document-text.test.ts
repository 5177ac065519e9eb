import { describe, expect, it } from 'vitest';
import { CommandError } from '../../core/command-error.js';
import { aPdf } from '../../../test/support/pdf-factory.js';
import { extractDocumentText } from './extract-document-text.js';

describe('extractDocumentText', () => {
  it('reads a PDF\'s text page by page, and counts its pages', async () => {
    const read = await extractDocumentText(await aPdf(['Contract 70CTD024P00000012', 'Stop-work order lifted']), 'application/pdf');
    expect(read.pages).toBe(2);
    expect(read.text).toContain('70CTD024P00000012');
    expect(read.text).toContain('Stop-work order lifted');
    expect(read.text.indexOf('70CTD024P00000012')).toBeLessThan(read.text.indexOf('Stop-work'));
  });

  it('reads several PDFs sent at once, each answer its own, and a good one after a bad one', async () => {
    const texts = ['Graphite licence', 'Pegasus renewal', 'Predator export'];
    const reads = await Promise.all(texts.map(async (text) => extractDocumentText(await aPdf([text]), 'application/pdf')));
    expect(reads.map((r) => r.text)).toEqual(texts);
    await expect(extractDocumentText(new TextEncoder().encode('%PDF-1.7\ngarbage'), 'application/pdf')).rejects.toThrow(CommandError);
    expect((await extractDocumentText(await aPdf(['After the bad one']), 'application/pdf')).text).toBe('After the bad one');
  });

  it('reads plain text as UTF-8 and stores other formats without text', async () => {
    expect(await extractDocumentText(new TextEncoder().encode('Graphite — Italia'), 'text/plain')).toEqual({ text: 'Graphite — Italia', pages: null });
    expect(await extractDocumentText(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'image/png')).toEqual({ text: '', pages: null });
  });

  it('refuses a file labelled a PDF that is not one, and a PDF that cannot be read, with a 400-kind error', async () => {
    await expect(extractDocumentText(new TextEncoder().encode('hello'), 'application/pdf')).rejects.toThrow(/does not start with %PDF-/);
    const broken = extractDocumentText(new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF'), 'application/octet-stream');
    await expect(broken).rejects.toThrow(CommandError);
    await expect(broken).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/^the PDF could not be read: /) });
  });
});
