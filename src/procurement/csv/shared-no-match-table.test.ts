import { describe, expect, it } from 'vitest';
import { SharedNoMatchTable } from './shared-no-match-table.js';

function key(text: string): { bytes: Uint8Array; view: DataView } {
  const bytes = new Uint8Array(Buffer.from(text));
  return { bytes, view: new DataView(bytes.buffer) };
}

describe('SharedNoMatchTable', () => {
  it('is seen through every view of the same shared memory, and checks the bytes', () => {
    const memory = SharedNoMatchTable.allocate(64, 4096);
    const writer = new SharedNoMatchTable(memory);
    const reader = new SharedNoMatchTable(memory);
    const acme = key('ZB4NC9XW2QT5,,"ACME ""BLUE"" ANALYTICS, INC."');
    writer.add(7, acme.bytes, 0, acme.bytes.length);
    expect(reader.has(7, acme.bytes, acme.view, 0, acme.bytes.length)).toBe(true);
    const other = key('ZB4NC9XW2QT5,,"ACME ""BLUE"" ANALYTICS, LLC."');
    expect(reader.has(7, other.bytes, other.view, 0, other.bytes.length)).toBe(false);
  });

  it('stops remembering when its arena is full', () => {
    const table = new SharedNoMatchTable(SharedNoMatchTable.allocate(64, 16));
    const long = key('A RECIPIENT NAME LONGER THAN THE ARENA');
    table.add(1, long.bytes, 0, long.bytes.length);
    expect(table.has(1, long.bytes, long.view, 0, long.bytes.length)).toBe(false);
  });
});
