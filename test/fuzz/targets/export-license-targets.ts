import fc from 'fast-check';
import { CommandError } from '../../../src/core/command-error.js';
import { findUnstorableInput } from '../../../src/core/find-unstorable-input.js';
import { parseInput } from '../../../src/core/parse-input.js';
import { canonicalJson } from '../../../src/ledger/entries/canonical-json.js';
import { eccnLabel, eccnSchema } from '../../../src/oversight/export-licenses/eccn.js';
import { applicationSchema, approvalInput, evidenceInput, reasonsInput, revocationReviewInput, riskEntryInput } from '../../../src/oversight/export-licenses/export-license-input.js';
import { fuzzTarget, invariant, refusedWith, type FuzzTarget } from '../fuzz-target.js';

const nastyText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('5A001.j', '4D004', 'EAR99', 'GR', 'ZZ', 'intellexa-sa', 'due-diligence-report', '2026-12-01', '2026-02-30', '00000000-0000-4000-8000-000000000000'),
  fc.array(fc.constantFrom('a', '5A', '001', '.j', '\u0000', '\ud800', '😀', '"', ' ', 'é', 'x'.repeat(300)), { maxLength: 6 }).map((p) => p.join('')),
);
const FIELDS = ['exporter', 'item', 'eccn', 'endUser', 'endUse', 'destination', 'licensingAgency', 'note', 'provisos', 'kind', 'text', 'dueDate', 'reasons', 'proviso', 'summary', 'url', 'incident', 'designation', 'country', 'reason', 'sources', 'incidents'];
const jsonish: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, nastyText, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), nastyText), tie('value'), { maxKeys: 6 })),
})).value;
const bodyLike = fc.dictionary(fc.constantFrom(...FIELDS), jsonish, { maxKeys: 8 });

/** Export-licence request bodies: each step's schema refuses with a CommandError or accepts storable text only. */
export const EXPORT_LICENSE_TARGETS: readonly FuzzTarget[] = [
  fuzzTarget('export-licence request bodies (application, steps, risk list)', fc.oneof(jsonish, bodyLike), (body) => {
    for (const [schema, what] of [[applicationSchema, 'application'], [approvalInput, 'approval'], [evidenceInput, 'evidence'], [reasonsInput, 'reasons'], [revocationReviewInput, 'revocation review'], [riskEntryInput, 'risk entry']] as const) {
      const accepted = refusedWith(() => parseInput(schema, body, what), CommandError);
      if (accepted === undefined) continue;
      invariant(findUnstorableInput(accepted).length === 0, 'accepted input holds only storable text');
      canonicalJson(accepted);
    }
  }),
  fuzzTarget('ECCN parsing and labels', nastyText, (text) => {
    const parsed = eccnSchema.safeParse(text);
    if (parsed.success) invariant(eccnSchema.safeParse(parsed.data).success && eccnLabel(parsed.data).length > 0, 'an accepted ECCN parses again and has a label');
  }),
];
