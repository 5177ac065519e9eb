#!/usr/bin/env node
import { BaseError } from '../core/base-error.js';
import { CommandError } from '../core/command-error.js';
import { buildProgram } from './program.js';

try {
  await (await buildProgram(process.argv)).parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommandError) {
    console.error(`countersign: ${error.message}`);
    for (const issue of error.issues.slice(0, 50)) console.error(`  ${issue.path}: ${issue.message}`);
    if (error.issues.length > 50) console.error(`  … and ${error.issues.length - 50} more`);
  } else if (error instanceof BaseError) {
    console.error(`countersign: ${error.message}${error.where ? ` (${error.where})` : ''}`);
  } else {
    console.error(`countersign: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exitCode = 1;
}
