import { describe, expect, it } from 'vitest';
import { CommandError } from '../../core/command-error.js';
import { ExportGate } from './export-gate.js';

function refusal(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof CommandError ? error.code : 'other error';
  }
}

describe('ExportGate', () => {
  it('refuses a client past its own limit, and takes it back when one of its exports ends', () => {
    const gate = new ExportGate({ workers: 4, perClient: 2, queue: 4 });
    const first = gate.admit('a');
    gate.admit('a');
    expect(refusal(() => gate.admit('a'))).toBe('RATE_LIMITED');
    expect(refusal(() => gate.admit('b'))).toBeNull();
    first.release();
    first.release();
    expect(refusal(() => gate.admit('a'))).toBeNull();
    expect(refusal(() => gate.admit('a'))).toBe('RATE_LIMITED');
  });

  it('runs at most `workers` exports at once; the next waits and starts when one ends, in order', async () => {
    const gate = new ExportGate({ workers: 1, perClient: 5, queue: 5 });
    const [one, two, three] = [gate.admit('a'), gate.admit('b'), gate.admit('c')];
    await one.start();
    const started: string[] = [];
    const twoStarted = two.start().then(() => started.push('two'));
    const threeStarted = three.start().then(() => started.push('three'));
    await Promise.resolve();
    expect(started).toEqual([]);
    expect(gate.load).toEqual({ running: 1, waiting: 2 });
    one.release();
    await twoStarted;
    expect(started).toEqual(['two']);
    two.release();
    await threeStarted;
    expect(started).toEqual(['two', 'three']);
    three.release();
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses anyone once the workers and the queue are full, and forgets a waiter that leaves', async () => {
    const gate = new ExportGate({ workers: 1, perClient: 5, queue: 1 });
    const running = gate.admit('a');
    await running.start();
    const waiting = gate.admit('b');
    void waiting.start();
    expect(refusal(() => gate.admit('c'))).toBe('RATE_LIMITED');
    waiting.release();
    expect(gate.load).toEqual({ running: 1, waiting: 0 });
    expect(refusal(() => gate.admit('c'))).toBeNull();
  });
});
