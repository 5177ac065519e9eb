#!/usr/bin/env node
import { errorLines } from './error-lines.js';
import { buildProgram } from './program.js';

try {
  // Read only when set: loading it (and the schema library) first would delay every command,
  // a screening run's threads among them, by a tenth of a second.
  if (process.env['COUNTERSIGN_JURISDICTIONS_FILE']) (await import('../app/configure-jurisdictions.js')).configureJurisdictionsFromEnvironment(process.env);
  await (await buildProgram(process.argv)).parseAsync(process.argv);
} catch (error) {
  for (const line of errorLines(error)) console.error(line);
  process.exitCode = 1;
}
