import fc from 'fast-check';
import { hashLeaf } from '../../../src/ledger/merkle/hash.js';
import { MemoryMerkleTree } from '../../../src/ledger/merkle/memory-merkle-tree.js';
import { MerkleError } from '../../../src/ledger/merkle/merkle-error.js';
import { proveConsistency } from '../../../src/ledger/merkle/prove-consistency.js';
import { proveInclusion } from '../../../src/ledger/merkle/prove-inclusion.js';
import { readTreeRoot } from '../../../src/ledger/merkle/read-tree-root.js';
import { verifyConsistency } from '../../../src/ledger/merkle/verify-consistency.js';
import { verifyInclusion } from '../../../src/ledger/merkle/verify-inclusion.js';
import { formatCheckpoint, parseCheckpoint } from '../../../src/ledger/note/checkpoint.js';
import { NoteError } from '../../../src/ledger/note/note-error.js';
import { openSignedNote, parseSignedNote, signNote } from '../../../src/ledger/note/signed-note.js';
import { generateSignerKey, parseSignerKey } from '../../../src/ledger/note/signer-key.js';
import { parseVerifierKey } from '../../../src/ledger/note/verifier-key.js';
import { decodeEntryBundle, encodeEntryBundle } from '../../../src/ledger/tiles/entry-bundle.js';
import { TileError } from '../../../src/ledger/tiles/tile-error.js';
import { formatEntryBundlePath, formatTilePath, parseTilePath } from '../../../src/ledger/tiles/tile-path.js';
import { formatAddCheckpointRequest, parseAddCheckpointRequest } from '../../../src/ledger/witness/add-checkpoint-request.js';
import { WitnessError } from '../../../src/ledger/witness/witness-error.js';
import { fuzzTarget, invariant, refusedWith, type FuzzTarget } from '../fuzz-target.js';

const ORIGIN = 'fuzz.countersign.test/log';
const keys = generateSignerKey(ORIGIN);
const signer = parseSignerKey(keys.signerKey);
const verifier = parseVerifierKey(keys.verifierKey);

/** Strings made of the pieces a format is built from, so inputs get past the first check. */
const piecesOf = (pieces: readonly string[], maxLength = 40): fc.Arbitrary<string> =>
  fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 }), fc.constantFrom('\u0000', '\ud800', '\udfff', '\r', '\t', ' ')), { maxLength }).map((parts) => parts.join(''));
const hash = fc.uint8Array({ minLength: 32, maxLength: 32 });
const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

const validCheckpoint = fc
  .record({ origin: fc.constantFrom(ORIGIN, 'example.com/log', 'a'), size: fc.bigInt({ min: 0n, max: (1n << 63n) - 1n }), rootHash: hash, extensions: fc.array(fc.constantFrom('ext', 'x y', '—'), { maxLength: 2 }) })
  .map((c) => formatCheckpoint(c));

export const LEDGER_TARGETS: readonly FuzzTarget[] = [
  fuzzTarget('checkpoints', fc.oneof(piecesOf([ORIGIN, '\n', '0', '1', '18446744073709551615', '9223372036854775807', '+', 'AAAA', '=']), validCheckpoint), (text) => {
    const parsed = refusedWith(() => parseCheckpoint(text), NoteError);
    // Strict parsing: what parses is written back byte for byte (no second spelling of a checkpoint).
    if (parsed) invariant(formatCheckpoint(parsed) === text, 'formatCheckpoint(parseCheckpoint(text)) === text');
  }),

  fuzzTarget(
    'signed notes',
    fc.oneof(
      piecesOf([ORIGIN, '\n', '\n\n', '— ', `— ${ORIGIN} `, 'AAAA', 'q80=', '+', '—']),
      validCheckpoint.map((text) => signNote(text, [signer])),
      validCheckpoint.chain((text) => fc.integer({ min: 0, max: text.length + 100 }).map((cut) => signNote(text, [signer]).slice(0, cut))),
    ),
    (note) => {
      refusedWith(() => parseSignedNote(note), NoteError);
      const opened = refusedWith(() => openSignedNote(note, [verifier]), NoteError);
      // Only the real key's notes open, and they open to their own text.
      if (opened) invariant(note.startsWith(opened.text) && opened.verified.length >= 1, 'an opened note carries its text and a verified signature');
    },
  ),

  fuzzTarget('inclusion and consistency proofs', fc.record({ size: fc.integer({ min: 1, max: 300 }), a: fc.nat(), b: fc.nat(), flip: fc.nat(), junk: fc.array(hash, { maxLength: 12 }), bigIndex: fc.bigInt({ min: -5n, max: 1n << 64n }) }), async ({ size, a, b, flip, junk, bigIndex }) => {
    const tree = new MemoryMerkleTree();
    for (let i = 0; i < size; i++) tree.appendEntry(new TextEncoder().encode(`{"n":${i}}`));
    const index = BigInt(a % size);
    const leafHash = hashLeaf(new TextEncoder().encode(`{"n":${index}}`));
    const root = tree.root();
    const proof = await proveInclusion(tree, index, tree.size);
    verifyInclusion({ index, treeSize: tree.size, leafHash, proof, root });
    if (proof.length > 0) {
      const bad = proof.map((p, i) => (i === flip % proof.length ? p.map((byte, k) => (k === 0 ? byte ^ 1 : byte)) : p));
      invariant(refusedWith(() => verifyInclusion({ index, treeSize: tree.size, leafHash, proof: bad, root }), MerkleError) === undefined, 'a changed proof is refused');
    }
    refusedWith(() => verifyInclusion({ index: bigIndex, treeSize: tree.size, leafHash, proof: junk, root }), MerkleError);
    const size1 = BigInt(1 + (b % size));
    const consistency = await proveConsistency(tree, size1, tree.size);
    verifyConsistency({ size1, size2: tree.size, proof: consistency, root1: await readTreeRoot(tree, size1), root2: root });
    refusedWith(() => verifyConsistency({ size1: bigIndex, size2: tree.size, proof: junk, root1: root, root2: root }), MerkleError);
  }),

  fuzzTarget('tile paths', fc.oneof(piecesOf(['0', '1', '9', '63', '64', 'x', 'x000', 'x001', '/', '.p/', '255', '256', 'entries/', '000', '01'], 12), fc.string()), (path) => {
    const parsed = refusedWith(() => parseTilePath(path), TileError);
    if (parsed) {
      const again = parsed.kind === 'tile' ? formatTilePath(parsed.tile) : formatEntryBundlePath(parsed.bundle);
      invariant(again === `tile/${path}`, `the canonical path of ${JSON.stringify(path)} is itself`);
    }
  }),

  fuzzTarget(
    'witness requests',
    fc.oneof(
      piecesOf(['old ', '0', '1', '\n', '\n\n', 'AAAA', base64(new Uint8Array(32)), ORIGIN]),
      fc.record({ oldSize: fc.bigInt({ min: 0n, max: 1000n }), proof: fc.array(hash, { maxLength: 4 }), checkpoint: validCheckpoint.map((t) => signNote(t, [signer])) }).map((r) => formatAddCheckpointRequest(r)),
    ),
    (body) => {
      const parsed = refusedWith(() => parseAddCheckpointRequest(body), WitnessError, NoteError);
      if (parsed) invariant(formatAddCheckpointRequest(parsed) === body, 'a parsed request is written back as it came');
    },
  ),

  fuzzTarget('entry bundles', fc.oneof(fc.uint8Array({ maxLength: 600 }), fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 20 }).map((entries) => encodeEntryBundle(entries))), (bytes) => {
    const entries = refusedWith(() => decodeEntryBundle(bytes), TileError);
    if (entries) invariant(Buffer.from(encodeEntryBundle(entries)).equals(Buffer.from(bytes)), 'a decoded bundle encodes to the same bytes');
  }),
];
