const BAR_WIDTH = 24;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  return `${minutes}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * One line of the progress bar shown on a terminal: share done, bytes/s, rows/s, time left.
 *
 * @example
 * progressLine({ bytesDone: 5e8, bytesTotal: 2e9, rows: 330_000, elapsedSeconds: 0.5 });
 * // '[######------------------]  25%  500 MB / 2000 MB  1000 MB/s  660,000 rows/s  ETA 0:02'
 */
export function progressLine(progress: { bytesDone: number; bytesTotal: number; rows: number; elapsedSeconds: number }): string {
  const share = progress.bytesTotal > 0 ? Math.min(1, progress.bytesDone / progress.bytesTotal) : 1;
  const filled = Math.round(share * BAR_WIDTH);
  const seconds = Math.max(progress.elapsedSeconds, 1e-3);
  const bytesPerSecond = progress.bytesDone / seconds;
  const eta = bytesPerSecond > 0 ? (progress.bytesTotal - progress.bytesDone) / bytesPerSecond : Number.NaN;
  return [
    `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`,
    `${String(Math.floor(share * 100)).padStart(3)}%`,
    `${(progress.bytesDone / 1e6).toFixed(0)} MB / ${(progress.bytesTotal / 1e6).toFixed(0)} MB`,
    `${(bytesPerSecond / 1e6).toFixed(0)} MB/s`,
    `${Math.round(progress.rows / seconds).toLocaleString('en-US')} rows/s`,
    `ETA ${duration(eta)}`,
  ].join('  ');
}
