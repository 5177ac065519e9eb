import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../core/project-root.js';
import { loadWatchlistFile } from '../screening/load-watchlist-file.js';
import { screenTransaction } from '../screening/screen-transaction.js';
import { createRecipientMatcher } from '../testing/stand-in-recipient-matcher.js';
import { FpdsAtomStream, MAX_ENTRY_CHARS } from './fpds-atom-stream.js';
import { parseFpdsAtom, readFpdsAtomFile } from './parse-fpds-atom.js';

const file = join(projectRoot(), 'test', 'fixtures', 'fpds', 'paragon-ice-70CTD024P00000012.atom.xml');

describe('parseFpdsAtom', () => {
  it('reads awards from the ATOM feed with keys built by USAspending formulas', () => {
    const page = parseFpdsAtom(readFileSync(file, 'utf8'), file);
    expect(page.transactions).toHaveLength(4);
    expect(page.skipped).toEqual([]);
    expect(page.next).toBeNull();
    expect(page.transactions[1]).toMatchObject({
      transactionKey: '7012_-NONE-_70CTD024P00000012_P00001_-NONE-_0',
      awardKey: 'CONT_AWD_70CTD024P00000012_7012_-NONE-_-NONE-',
      piid: '70CTD024P00000012',
      modification: 'P00001',
      actionDate: '2024-10-08',
      amount: 0,
      actionTypeCode: 'M',
      actionType: 'OTHER ADMINISTRATIVE ACTION',
      description: 'STOP WORK ORDER TO REVIEW AND VERIFY COMPLIANCE WITH EXECUTIVE ORDER 14093',
      fundingOfficeName: 'HOMELAND SECURITY INVESTIGATIONS',
      agencyName: 'HOMELAND SECURITY, DEPARTMENT OF',
      subAgencyName: 'U.S. IMMIGRATION AND CUSTOMS ENFORCEMENT',
      recipient: { uei: 'NW6QFTZACWM7', name: 'PARAGON SOLUTIONS (US) INC.' },
      lastModified: '2024-10-08 12:00:00',
    });
    expect(page.transactions.map((t) => (t.origin.kind === 'file' ? t.origin.line : 0))).toEqual([9, 78, 148, 218]);
    // An order under an IDV carries the IDV's PIID and agency in its keys.
    expect(page.transactions[3]).toMatchObject({
      transactionKey: '7022_4732_70FBR224F00000311_0_GS07F0123X_0',
      awardKey: 'CONT_AWD_70FBR224F00000311_7022_GS07F0123X_4732',
      parentPiid: 'GS07F0123X',
    });
  });

  it('screens the feed into the Paragon award, stop-work and lift, and not Paragon Systems', async () => {
    const matcher = createRecipientMatcher(await loadWatchlistFile(join(projectRoot(), 'test', 'fixtures', 'watchlist.json')));
    const alerts = parseFpdsAtom(readFileSync(file, 'utf8'), file)
      .transactions.map((transaction) => screenTransaction(transaction, matcher))
      .filter((screened) => screened?.match.decision === 'alert');
    expect(alerts.map((screened) => [screened?.transaction.modification, screened?.event.event])).toEqual([
      ['0', 'award'],
      ['P00001', 'stop-work'],
      ['P00002', 'stop-work-lifted'],
    ]);
    expect(alerts[1]?.event.reason).toContain('FPDS has no code for it');
  });

  it('lists IDV entries as skipped and follows the next link', () => {
    const xml = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:ns1="https://www.fpds.gov/FPDS">
<link rel="next" type="application/atom+xml" href="https://www.fpds.gov/ezsearch/FEEDS/ATOM?FEEDNAME=PUBLIC&amp;q=X&amp;start=10"/>
<entry><title>IDV</title><content type="application/xml"><ns1:IDV version="1.5"><ns1:contractID/></ns1:IDV></content></entry>
</feed>`;
    const page = parseFpdsAtom(xml, 'idv.xml');
    expect(page.transactions).toEqual([]);
    expect(page.skipped).toEqual([{ line: 3, kind: 'IDV' }]);
    expect(page.next).toBe('https://www.fpds.gov/ezsearch/FEEDS/ATOM?FEEDNAME=PUBLIC&q=X&start=10');
  });

  it('refuses what is not an ATOM feed', () => {
    expect(() => parseFpdsAtom('<html><body>maintenance</body></html>', 'x.xml')).toThrow(expect.objectContaining({ code: 'BAD_XML' }));
  });

  it('reads a feed cut into chunks anywhere exactly as the whole text', () => {
    const xml = readFileSync(file, 'utf8');
    const whole = parseFpdsAtom(xml, file);
    for (let cut = 1; cut < xml.length; cut += 97) {
      const transactions: unknown[] = [];
      const stream = new FpdsAtomStream(file, (item) => item.kind === 'transaction' && transactions.push(item.transaction));
      stream.write(xml.slice(0, cut));
      stream.write(xml.slice(cut));
      stream.end();
      expect(transactions, `cut at ${cut}`).toEqual(whole.transactions);
    }
  });

  it('streams a feed file entry by entry, with the next link at the end', async () => {
    const xml = readFileSync(file, 'utf8');
    const [head, rest] = [xml.slice(0, xml.indexOf('<entry>')), xml.slice(xml.indexOf('<entry>'), xml.lastIndexOf('</feed>'))];
    const dir = mkdtempSync(join(tmpdir(), 'countersign-fpds-'));
    try {
      const path = join(dir, 'feed.xml');
      const next = '<link rel="next" href="https://www.fpds.gov/ezsearch/FEEDS/ATOM?start=10"/>';
      writeFileSync(path, head + next + rest.repeat(250) + '</feed>\n');
      let awards = 0;
      let link: string | null = null;
      for await (const item of readFpdsAtomFile(path, 'feed.xml', (href) => (link = href))) if (item.kind === 'transaction') awards++;
      expect(awards).toBe(1000);
      expect(link).toBe('https://www.fpds.gov/ezsearch/FEEDS/ATOM?start=10');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a page that is not a feed at its first tag, and an entry too large to be one', () => {
    const stream = new FpdsAtomStream('x.html', () => undefined);
    expect(() => stream.write('<html><body>')).toThrow(expect.objectContaining({ code: 'BAD_XML', where: 'x.html:1' }));
    const huge = `<feed><entry><title>${'a'.repeat(MAX_ENTRY_CHARS + 1)}</title></entry></feed>`;
    expect(() => parseFpdsAtom(huge, 'huge.xml')).toThrow(/larger than 16777216 characters/);
    expect(() => parseFpdsAtom('<feed><entry>', 'cut.xml')).toThrow(expect.objectContaining({ code: 'BAD_XML' }));
  });
});
