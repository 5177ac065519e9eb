import { describe, expect, it } from 'vitest';

/** The engine's own built-ins, taken before anything of the app is loaded. */
const BUILT_INS = {
  'Array.prototype.push': Array.prototype.push,
  'Array.prototype.at': Array.prototype.at,
  'JSON.stringify': JSON.stringify,
  'JSON.parse': JSON.parse,
  structuredClone,
  Promise,
  URL,
} as const;

function current(): Record<keyof typeof BUILT_INS, unknown> {
  return { 'Array.prototype.push': Array.prototype.push, 'Array.prototype.at': Array.prototype.at, 'JSON.stringify': JSON.stringify, 'JSON.parse': JSON.parse, structuredClone, Promise, URL };
}

describe('the server process', () => {
  it('keeps the engine\'s own built-ins: nothing the app loads replaces them with polyfills', async () => {
    // Everything `countersign serve` loads. pdf.js's Node build, loaded at the top level, replaced
    // Array.prototype.push, JSON.stringify and more with core-js code (whose toString still says
    // "[native code]"), slowing every request several times.
    await import('../cli/program.js');
    await import('./create-countersign-app.js');
    const now = current();
    const replaced = Object.entries(BUILT_INS).filter(([name, f]) => now[name as keyof typeof BUILT_INS] !== f).map(([name]) => name);
    expect(replaced).toEqual([]);
  });
});
