import fc from 'fast-check';
import { CommandError } from '../../../src/core/command-error.js';
import { decodeUtf8Strict, firstInvalidUtf8 } from '../../../src/core/decode-utf8-strict.js';
import { findUnstorableInput } from '../../../src/core/find-unstorable-input.js';
import { parseInput } from '../../../src/core/parse-input.js';
import { canonicalJson } from '../../../src/ledger/entries/canonical-json.js';
import { changeProposalSchema } from '../../../src/registry/commands/change-proposal.js';
import { parseDataset } from '../../../src/registry/dataset/parse-dataset.js';
import { parseRecordInput } from '../../../src/registry/record-input.js';
import { RECORD_TYPES } from '../../../src/registry/schemas/common.js';
import { tipSchema } from '../../../src/registry/tips/submit-tip.js';
import { complaintSchema } from '../../../src/disclosure/complaints/complaint-workflow.js';
import { annotationSchema, vendorReportSchema } from '../../../src/disclosure/vendor-reports/vendor-report-workflow.js';
import { fuzzTarget, invariant, refusedWith, type FuzzTarget } from '../fuzz-target.js';

/** Text with what breaks storage and canonical JSON mixed in: NUL, lone surrogates, astral characters. */
const nastyText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.array(fc.constantFrom('a', 'Zrt.', '\u0000', '\ud800', '\udfff', '😀', '\u2028', '"', '\\', ' ', 'é', 'x'.repeat(300)), { maxLength: 6 }).map((p) => p.join('')),
);
const FIELDS = ['id', 'name', 'kind', 'country', 'sources', 'subject', 'body', 'contact', 'action', 'recordType', 'record', 'aliases', 'url', 'title', 'publisher', 'date', 'piid', 'authority', 'list', 'listed', 'note', 'type', 'from', 'to'];
const jsonish: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, nastyText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), nastyText), tie('value'), { maxKeys: 6 })),
})).value;
const recordLike = fc.dictionary(fc.constantFrom(...FIELDS), jsonish, { maxKeys: 8 });

/** Anything the boundary accepts must be storable text and encodable as canonical JSON (the log). */
function acceptedIsStorable(value: unknown): void {
  invariant(findUnstorableInput(value).length === 0, 'accepted input holds only storable text');
  canonicalJson(value);
}

export const INPUT_TARGETS: readonly FuzzTarget[] = [
  fuzzTarget('API request bodies (tips, proposals, records)', fc.record({ body: fc.oneof(jsonish, recordLike, fc.record({ action: fc.constantFrom('upsert', 'delete', 'delist'), recordType: fc.constantFrom(...RECORD_TYPES), record: recordLike })), type: fc.constantFrom(...RECORD_TYPES) }), ({ body, type }) => {
    const parsers: Array<() => unknown> = [() => parseInput(tipSchema, body, 'tip'), () => parseInput(changeProposalSchema, body, 'proposal'), () => parseRecordInput(type, body),
      () => parseInput(complaintSchema, body, 'complaint'), () => parseInput(vendorReportSchema, body, 'report'), () => parseInput(annotationSchema, body, 'annotation')];
    for (const parse of parsers) {
      const accepted = refusedWith(parse, CommandError);
      if (accepted !== undefined) acceptedIsStorable(accepted);
    }
  }),

  fuzzTarget(
    'dataset import',
    fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.record({ sources: fc.array(recordLike, { maxLength: 3 }), organizations: fc.array(recordLike, { maxLength: 3 }), contracts: fc.array(fc.oneof(recordLike, fc.record({ piid: nastyText, transactions: jsonish })), { maxLength: 2 }), designations: fc.array(recordLike, { maxLength: 2 }) }).map((d) => JSON.stringify(d)),
    ),
    (text) => {
      const parsed = refusedWith(() => parseDataset(text, 'fuzz.json'), CommandError);
      if (parsed) for (const record of parsed.records) acceptedIsStorable(record);
    },
  ),

  fuzzTarget('UTF-8 decoding of imported files', fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.string().map((s) => new TextEncoder().encode(s))), (bytes) => {
    let valid = true;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      valid = false;
    }
    invariant((firstInvalidUtf8(bytes) === -1) === valid, 'firstInvalidUtf8 agrees with the WHATWG decoder');
    const text = refusedWith(() => decodeUtf8Strict(bytes, 'fuzz.json'), CommandError);
    invariant((text !== undefined) === valid, 'decodeUtf8Strict refuses exactly the invalid files');
  }),
];
