import { z } from 'zod';

const decimal = z.string().regex(/^\d+$/).describe('a decimal integer (64-bit)');
const base64 = z.string().describe('standard base64');

/** A sequenced log entry: its index, its parsed content, and its exact bytes (what the leaf hash covers). */
export const logEntryPresenter = z.object({
  index: decimal,
  type: z.string(),
  time: z.string(),
  actor: z.string().describe('pseudonymous actor id'),
  subjects: z.array(z.string()),
  data: z.unknown(),
  sealed: z.record(z.string(), z.string()).describe('field → salted commitment (hex)'),
  entry: z.string().describe('the canonical JSON bytes'),
});

export const inclusionProofPresenter = z.object({
  index: decimal, treeSize: decimal, entry: z.string(), leafHash: base64, inclusionProof: z.array(base64), rootHash: base64, checkpoint: z.string().describe('the signed checkpoint note'),
});

export const receiptPresenter = z.object({
  entryId: z.number().int(), index: decimal, entry: z.string(), leafHash: base64, inclusionProof: z.array(base64), checkpoint: z.string(),
});

export const checkpointsPresenter = z.object({
  origin: z.string(),
  verifierKey: z.string(),
  items: z.array(z.object({ size: decimal, rootHash: base64, createdAt: z.string(), note: z.string(), cosignatures: z.array(z.object({ witness: z.string(), signatureLine: z.string() })) })),
});

export const consistencyPresenter = z.object({ from: decimal, to: decimal, proof: z.array(base64) });

export const sealedFieldsPresenter = z.object({
  index: decimal,
  fields: z.array(z.discriminatedUnion('state', [
    z.object({ field: z.string(), commitment: z.string(), state: z.literal('sealed') }),
    z.object({ field: z.string(), commitment: z.string(), state: z.literal('shredded') }),
    z.object({ field: z.string(), commitment: z.string(), state: z.literal('unsealed'), unsealedAt: z.string(), value: z.unknown(), opening: z.string(), opens: z.boolean().describe('whether the published value and opening reproduce the commitment') }),
  ])),
});

export const unsealedPresenter = z.object({ value: z.unknown(), opening: z.string() });
