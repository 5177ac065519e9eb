import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { generateSignerKey, parseSignerKey } from '../../ledger/note/signer-key.js';
import { SIGNATURE_TYPE } from '../../ledger/note/signature-types.js';
import { formatVerifierKey } from '../../ledger/note/verifier-key.js';
import { createWitnessApp } from '../../ledger/witness/witness-app.js';
import { FileWitnessStore } from '../../ledger/witness/file-witness-store.js';

/**
 * Adds `countersign witness`: an independent witness (c2sp.org/tlog-witness) that a court clerk,
 * an ombudsperson or an NGO can run — its own cosigning key, its own record of the last size it
 * saw per log, refusing rollbacks and inconsistent checkpoints.
 */
export function registerWitnessCommand(program: Command): Command {
  return program
    .command('witness')
    .description('run an independent tlog-witness that cosigns Countersign checkpoints')
    .requiredOption('--name <name>', 'the witness\'s key name, e.g. witness.ngo.example')
    .requiredOption('--log <origin=verifier-key...>', 'a log to witness: its origin, "=", its verifier key (repeatable)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--dir <directory>', 'where the witness keeps its key and state', 'data/witness')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on', '7380')
    .action((options: { name: string; log: string[]; dir: string; host: string; port: string }) => {
      mkdirSync(options.dir, { recursive: true });
      const keyFile = join(options.dir, 'witness.key');
      if (!existsSync(keyFile)) writeFileSync(keyFile, `${generateSignerKey(options.name, SIGNATURE_TYPE.cosignatureV1).signerKey}\n`, { mode: 0o600, flag: 'wx' });
      const key = parseSignerKey(readFileSync(keyFile, 'utf8').trim());
      const logs = options.log.map((spec) => {
        const at = spec.indexOf('=');
        if (at <= 0) throw new Error(`--log wants origin=verifier-key, got ${spec}`);
        return { origin: spec.slice(0, at), verifierKey: spec.slice(at + 1) };
      });
      const app = createWitnessApp({ key, logs, store: new FileWitnessStore(join(options.dir, 'state')) });
      serve({ fetch: app.fetch, hostname: options.host, port: Number(options.port) }, (info) => {
        console.error(`countersign witness ${key.name} on http://${options.host}:${info.port} for ${logs.map((l) => l.origin).join(', ')}`);
        console.error(`its verifier key (give it to the log): ${formatVerifierKey(key)}`);
      });
    });
}
