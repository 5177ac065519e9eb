import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { SYSTEM } from '../../accounts/actor.js';
import { readConfig } from '../../app/config.js';
import { openRegistry } from '../../app/open-registry.js';
import { loadOrCreateLogKey } from '../../app/log-signing-key.js';
import { openLedger } from '../../app/open-ledger.js';
import { encodeBase64 } from '../../ledger/encoding/base64.js';
import { shredField, unsealField } from '../../kernel/erasure/unseal-field.js';
import { fetchVerifierKey } from '../../ledger/verify/fetch-verifier-key.js';
import { readVerifierState, writeVerifierState } from '../../ledger/verify/verifier-state-file.js';
import { verifyRemoteLog } from '../../ledger/verify/verify-remote-log.js';
import { checkStoredLog } from '../../store/ledger/check-stored-log.js';
import { openLogStorage } from '../../store/ledger/open-log-storage.js';
import { openStore } from '../../app/open-store.js';
import { checkPublicState } from '../../app/check-public-state.js';
import { replayLogInto } from '../../app/replay-log-into.js';
import { countNoun } from '../../core/count-noun.js';
import { dataDirectoryOf, verifierStatePath } from '../verifier-state-path.js';

const leafIndex = (value: string): bigint => {
  if (!/^(0|[1-9][0-9]{0,18})$/.test(value)) throw new Error(`not a leaf index: ${value}`);
  return BigInt(value);
};

/** Adds `countersign log sequence|check|replay|verify|unseal|shred`. */
export function registerLogCommands(program: Command): Command {
  const log = program.command('log').description('the transparency log: every change of Countersign, in an RFC 6962 Merkle tree');

  log
    .command('sequence')
    .description('integrate pending entries now and print the latest checkpoint (the server does this continuously)')
    .action(async () => {
      const config = readConfig(process.env);
      const { store } = await openRegistry(config.databaseUrl);
      const key = loadOrCreateLogKey(config.logKeyFile, config.logOrigin);
      const ledger = await openLedger({ store, signer: key.signer, verifierKey: key.verifierKey, pollMs: 0 });
      await ledger.close();
      console.log(ledger.sequencer.checkpoint?.note ?? 'the log is empty');
      await store.close();
    });

  log
    .command('check')
    .description('recompute the tree from the stored entries and report any edited, inserted or deleted entry, tile or checkpoint; exits 1 if any')
    .option('--key <verifier-key>', 'the log\'s verifier key (default: derived from the log key file)')
    .action(async (options: { key?: string }) => {
      const config = readConfig(process.env);
      const store = await openStore(config.databaseUrl);
      try {
        const verifierKey = options.key ?? loadOrCreateLogKey(config.logKeyFile, config.logOrigin).verifierKey;
        const report = await checkStoredLog(store, verifierKey);
        for (const problem of report.problems) console.log(`${problem.where}: ${problem.message}`);
        // The tables must say what the log says: anything else was written around the log.
        const differences = report.ok ? await checkPublicState(store) : [];
        for (const d of differences) console.log(`${d.section} ${d.key}: ${d.kind === 'changed' ? 'the database differs from what the log says' : d.kind === 'only-in-live' ? 'in the database but not in the log' : 'in the log but missing from the database'}`);
        const ok = report.ok && differences.length === 0;
        console.log(`${ok ? 'ok' : 'FAILED'}: ${countNoun(report.entries, 'entry', 'entries')}, ${countNoun(report.tiles, 'tile write')} and ${countNoun(report.checkpoints, 'checkpoint')} checked${report.ok ? '; public state matches a replay of the log' : ''}${ok ? '' : `, ${countNoun(report.problems.length + differences.length, 'problem')}`}`);
        if (!ok) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });

  log
    .command('replay')
    .description('rebuild the public registry in another (empty) database from the log alone, and compare digests')
    .requiredOption('--into <database-url>', 'target database, e.g. sqlite:replayed.db or postgres://…')
    .action(async (options: { into: string }) => {
      const config = readConfig(process.env);
      const source = await openStore(config.databaseUrl);
      const target = await openStore(options.into);
      try {
        const { report, live, replayed, differences, pending } = await replayLogInto(source, target);
        if (pending > 0) console.log(`note: ${countNoun(pending, 'entry is', 'entries are')} still pending (committed, not yet in a signed checkpoint): run countersign log sequence, or start the server, and replay again`);
        console.log(`replayed ${countNoun(report.entries, 'entry', 'entries')} (${report.applied.toLocaleString('en-US')} changed public state); root ${encodeBase64(report.rootHash)} matches the signed checkpoint`);
        console.log(`public state: live ${live.digest} (${countNoun(live.records, 'item')}), replayed ${replayed.digest} (${countNoun(replayed.records, 'item')}): ${differences.length === 0 ? 'identical' : 'DIFFERENT'}`);
        for (const d of differences.slice(0, 50)) console.log(`  ${d.section} ${d.key}: ${d.kind === 'changed' ? 'differs from the log' : d.kind === 'only-in-live' ? 'not in the log' : 'in the log, missing from the database'}`);
        if (differences.length > 50) console.log(`  … and ${(differences.length - 50).toLocaleString('en-US')} more`);
        if (differences.length > 0) process.exitCode = 1;
      } finally {
        await source.close();
        await target.close();
      }
    });

  log
    .command('verify')
    .description('verify a running instance from outside: fetch its checkpoint and tiles, recompute the root, check the signature and consistency with the last run')
    .argument('<url>', 'the instance, e.g. https://countersign.example (or its /log prefix)')
    .option('--key <verifier-key>', 'the log\'s verifier key (default: fetched from <url>/log/key on first use, then kept in the state file)')
    .option('--state <file>', 'where to remember the last verified checkpoint (default: a file for this log under verified-logs/ in the data directory: beside COUNTERSIGN_LOG_KEY_FILE, else the SQLite database, else data/)')
    .option('--tiles-only', 'check from tiles alone (fast) instead of every entry')
    .action(async (url: string, options: { key?: string; state?: string; tilesOnly?: boolean }) => {
      const prefix = url.replace(/\/+$/, '').replace(/\/log$/, '') + '/log';
      const statePath = options.state ?? verifierStatePath(prefix, dataDirectoryOf(process.env));
      const state = await readVerifierState(statePath);
      let verifierKey = options.key;
      if (!verifierKey) {
        const saved: unknown = JSON.parse(readFileSafe(`${statePath}.key`) ?? 'null');
        verifierKey = typeof saved === 'string' ? saved : await fetchVerifierKey(prefix);
        if (typeof saved !== 'string') console.log(`trusting the key served now, on first use: ${verifierKey}`);
      }
      const report = await verifyRemoteLog(prefix, { verifierKey, ...(state ? { state } : {}), mode: options.tilesOnly ? 'tiles' : 'full' });
      await writeVerifierState(statePath, report.state);
      await import('node:fs/promises').then((fs) => fs.writeFile(`${statePath}.key`, JSON.stringify(verifierKey)));
      console.log(`ok: ${report.origin} at size ${report.treeSize}, root ${encodeBase64(report.rootHash)}; ${countNoun(report.entriesVerified, 'entry', 'entries')} and ${countNoun(report.tilesVerified, 'tile')} verified${report.previous ? `; consistent with size ${report.previous.size} seen before` : ''}`);
    });

  for (const [name, description] of [['unseal', 'publish a sealed field (value and opening) in the log'], ['shred', 'delete a sealed field\'s opening for ever']] as const) {
    log
      .command(name)
      .description(description)
      .argument('<index>', 'leaf index of the entry')
      .argument('<field>', 'the sealed field')
      .action(async (index: string, field: string) => {
        const { store } = await openRegistry(readConfig(process.env).databaseUrl);
        try {
          const ctx = { actor: SYSTEM, now: new Date() };
          if (name === 'unseal') console.log(JSON.stringify(await store.transaction((tx) => unsealField({ ctx, index: leafIndex(index), field }, tx))));
          else await store.transaction((tx) => shredField({ ctx, index: leafIndex(index), field }, tx));
        } finally {
          await store.close();
        }
      });
  }
  return log;
}

function readFileSafe(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
