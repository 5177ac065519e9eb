import { BaseError } from '../core/base-error.js';
import { CommandError } from '../core/command-error.js';

const MAX_ISSUES = 50;

/**
 * What the command line prints for an error that stopped a command: one line saying what went
 * wrong, then each further problem once, indented. A validation error's message already names
 * its first problem (`invalid dataset: organizations[0].kind: …`), so the list starts after it
 * instead of printing it a second time.
 *
 * @example
 * for (const line of errorLines(error)) console.error(line);
 */
export function errorLines(error: unknown): string[] {
  if (error instanceof CommandError) {
    const [first, ...rest] = error.issues;
    const shown = first !== undefined && !error.message.includes(`${first.path}: ${first.message}`) ? error.issues : rest;
    const lines = [`countersign: ${error.message}`, ...shown.slice(0, MAX_ISSUES).map((issue) => `  ${issue.path}: ${issue.message}`)];
    if (shown.length > MAX_ISSUES) lines.push(`  … and ${shown.length - MAX_ISSUES} more`);
    return lines;
  }
  if (error instanceof BaseError) return [`countersign: ${error.message}${error.where ? ` (${error.where})` : ''}`];
  return [`countersign: ${error instanceof Error ? error.message : String(error)}`];
}
