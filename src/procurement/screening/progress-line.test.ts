import { describe, expect, it } from 'vitest';
import { progressLine } from './progress-line.js';

describe('progressLine', () => {
  it('shows the share done, bytes/s, rows/s and the time left', () => {
    expect(progressLine({ bytesDone: 5e8, bytesTotal: 2e9, rows: 330_000, elapsedSeconds: 0.5 })).toBe(
      '[######------------------]   25%  500 MB / 2000 MB  1000 MB/s  660,000 rows/s  ETA 0:02',
    );
  });
});
