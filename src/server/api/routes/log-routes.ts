import { z } from 'zod';
import { CommandError } from '../../../core/command-error.js';
import { encodeBase64 } from '../../../ledger/encoding/base64.js';
import { hashLeaf } from '../../../ledger/merkle/hash.js';
import { proveConsistency } from '../../../ledger/merkle/prove-consistency.js';
import { proveInclusion } from '../../../ledger/merkle/prove-inclusion.js';
import { storedTileReader } from '../../../ledger/sequencer/stored-tile-reader.js';
import { createTileHashReader } from '../../../ledger/tiles/tile-hash-reader.js';
import type { Ledger } from '../../../ledger/sequencer/ledger.js';
import { readLogEntries, readLogEntry } from '../../../store/ledger/read-log-entries.js';
import type { Store } from '../../../store/store.js';
import type { ApiRouter } from '../api-router.js';
import { runCommand } from '../command-runner.js';
import { shredField, unsealField } from '../../../kernel/erasure/unseal-field.js';
import { readSealedFields } from '../../../store/ledger/read-sealed-fields.js';
import { pageQuerySchema } from '../common-schemas.js';
import { checkpointsPresenter, consistencyPresenter, inclusionProofPresenter, logEntryPresenter, receiptPresenter, sealedFieldsPresenter, unsealedPresenter } from '../presenters/log-presenters.js';
import { pageOf } from '../presenters/page.js';

const treeNumber = z.string().regex(/^(0|[1-9][0-9]{0,18})$/, 'must be a decimal integer without leading zeros').transform((v) => BigInt(v));

const sealParams = z.object({ index: treeNumber, field: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/) });

/** The log through the API: entries, proofs, receipts, checkpoints, seals. The tiles are under /log/. */
export function addLogRoutes(router: ApiRouter, store: Store, ledger: Ledger, now: () => Date = () => new Date()): void {
  const latest = async () => {
    const checkpoint = await ledger.storage.latestCheckpoint();
    if (!checkpoint) throw new CommandError({ code: 'NOT_FOUND', message: 'the log has no checkpoint yet' });
    return checkpoint;
  };

  router.add(
    { method: 'get', path: '/log/entries', operationId: 'listLogEntries', summary: 'Sequenced log entries, newest first; filter by subject (e.g. organization:candiru)', tag: 'log', query: pageQuerySchema.extend({ subject: z.string().max(200).optional() }), responses: { 200: { description: 'A page of entries', schema: pageOf(logEntryPresenter) } } },
    async (_c, { query, reply }) => reply({ ...(await readLogEntries(store.db, query)), limit: query.limit, offset: query.offset }),
  );
  router.add(
    {
      method: 'get', path: '/log/entries/{index}/proof', operationId: 'proveInclusion', summary: 'An RFC 9162 inclusion proof of an entry, against the latest checkpoint or a given tree size', tag: 'log',
      params: z.object({ index: treeNumber }), query: z.object({ treeSize: treeNumber.optional() }), responses: { 200: { description: 'The entry, its leaf hash, the proof and the checkpoint', schema: inclusionProofPresenter } },
    },
    async (_c, { params, query, reply }) => {
      const checkpoint = query.treeSize === undefined ? await latest() : await ledger.storage.checkpointAt(query.treeSize);
      if (!checkpoint) throw new CommandError({ code: 'NOT_FOUND', message: `no checkpoint of size ${query.treeSize}` });
      if (params.index >= checkpoint.size) throw new CommandError({ code: 'NOT_FOUND', message: `entry ${params.index} is not in the tree of size ${checkpoint.size}` });
      const entry = await readLogEntry(store.db, params.index);
      if (!entry) throw new CommandError({ code: 'NOT_FOUND', message: `no entry ${params.index}` });
      const proof = await proveInclusion(createTileHashReader(storedTileReader(ledger.storage), checkpoint.size), params.index, checkpoint.size);
      return reply({
        index: params.index.toString(), treeSize: checkpoint.size.toString(), entry: entry.entry, leafHash: encodeBase64(hashLeaf(new TextEncoder().encode(entry.entry))),
        inclusionProof: proof.map(encodeBase64), rootHash: encodeBase64(checkpoint.rootHash), checkpoint: checkpoint.note,
      });
    },
  );
  router.add(
    {
      method: 'get', path: '/log/receipts/{entryId}', operationId: 'getReceipt', summary: 'The receipt of an entry (index, inclusion proof, and the checkpoint it is proved against); waits up to waitMs for the sequencer', tag: 'log',
      params: z.object({ entryId: z.coerce.number().int().positive() }), query: z.object({ waitMs: z.coerce.number().int().min(0).max(30_000).default(5000) }), responses: { 200: { description: 'The receipt', schema: receiptPresenter } },
    },
    async (_c, { params, query, reply }) => {
      try {
        return reply(await ledger.sequencer.receipt(params.entryId, { waitMs: query.waitMs }));
      } catch (error) {
        throw new CommandError({ code: 'NOT_FOUND', message: error instanceof Error ? error.message : 'no receipt' });
      }
    },
  );
  router.add(
    { method: 'get', path: '/log/checkpoints', operationId: 'listCheckpoints', summary: 'Every signed checkpoint, newest first, with witness cosignatures', tag: 'log', query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(20), before: treeNumber.optional() }), responses: { 200: { description: 'Checkpoints', schema: checkpointsPresenter } } },
    async (_c, { query, reply }) => {
      const checkpoints = await ledger.storage.listCheckpoints(query.limit, query.before);
      const items = [];
      for (const cp of checkpoints) {
        items.push({ size: cp.size.toString(), rootHash: encodeBase64(cp.rootHash), createdAt: cp.createdAt, note: cp.note, cosignatures: await ledger.storage.cosignatures(cp.size) });
      }
      return reply({ origin: ledger.origin, verifierKey: ledger.verifierKey, items });
    },
  );
  router.add(
    { method: 'get', path: '/log/consistency', operationId: 'proveConsistency', summary: 'An RFC 9162 consistency proof between two checkpointed sizes', tag: 'log', query: z.object({ from: treeNumber, to: treeNumber }), responses: { 200: { description: 'The proof', schema: consistencyPresenter } } },
    async (_c, { query, reply }) => {
      const to = await ledger.storage.checkpointAt(query.to);
      if (!to || query.from > query.to) throw new CommandError({ code: 'NOT_FOUND', message: `no checkpoint of size ${query.to} at or after ${query.from}` });
      const proof = query.from === 0n ? [] : await proveConsistency(createTileHashReader(storedTileReader(ledger.storage), to.size), query.from, query.to);
      return reply({ from: query.from.toString(), to: query.to.toString(), proof: proof.map(encodeBase64) });
    },
  );

  router.add(
    {
      method: 'get', path: '/log/entries/{index}/seals', operationId: 'listSeals', summary: 'The sealed fields of an entry: each commitment, and for unsealed fields the value and opening that open it', tag: 'log',
      params: z.object({ index: treeNumber }), responses: { 200: { description: 'Sealed fields', schema: sealedFieldsPresenter } },
    },
    async (_c, { params, reply }) => {
      const entry = await readLogEntry(store.db, params.index);
      if (!entry) throw new CommandError({ code: 'NOT_FOUND', message: `no sequenced log entry ${params.index}` });
      // Unsealed values come from the log's own publishing entries, never from editable tables.
      const fields = (await readSealedFields(store.db, { entryId: entry.entryId, index: params.index, sealed: entry.sealed })).map((f) =>
        f.state === 'unsealed' ? { field: f.field, commitment: f.commitment, state: f.state, unsealedAt: f.unsealedAt, value: f.value, opening: f.opening, opens: f.opens } : f);
      return reply({ index: params.index.toString(), fields });
    },
  );
  router.add(
    { method: 'post', path: '/log/entries/{index}/seals/{field}/unseal', operationId: 'unsealField', summary: 'Publish a sealed field\'s value and opening in a new log entry', tag: 'log', params: sealParams, permission: 'seal.unseal', responses: { 200: { description: 'The value and opening', schema: unsealedPresenter } } },
    async (c, { params, reply }) => reply(await runCommand(store, now, c, (ctx, tx) => unsealField({ ctx, index: params.index, field: params.field }, tx))),
  );
  router.add(
    { method: 'post', path: '/log/entries/{index}/seals/{field}/shred', operationId: 'shredField', summary: 'Delete a sealed field\'s opening for ever (crypto-shredding)', tag: 'log', params: sealParams, permission: 'seal.unseal', responses: { 204: { description: 'Shredded' } } },
    async (c, { params }) => {
      await runCommand(store, now, c, (ctx, tx) => shredField({ ctx, index: params.index, field: params.field }, tx));
      return c.body(null, 204);
    },
  );
}
