/**
 * The `countersign screen` command on its own, for the benchmark to run in a child process so its
 * CPU time and peak memory are measured alone. Same code as `node dist/src/cli/main.js screen`.
 */
import { Command } from 'commander';
import { registerScreenCommand } from '../../src/cli/commands/screen.js';

const program = new Command('countersign');
registerScreenCommand(program, {
  loadWatchlist: () => Promise.reject(new Error('pass --watchlist FILE')),
});
await program.parseAsync(process.argv);
