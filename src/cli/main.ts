#!/usr/bin/env node
import { errorLines } from './error-lines.js';
import { buildProgram } from './program.js';
import { configureJurisdictionsFromEnvironment } from '../app/configure-jurisdictions.js';

try {
  configureJurisdictionsFromEnvironment(process.env);
  await (await buildProgram(process.argv)).parseAsync(process.argv);
} catch (error) {
  for (const line of errorLines(error)) console.error(line);
  process.exitCode = 1;
}
