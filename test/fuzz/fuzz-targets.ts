import type { FuzzTarget } from './fuzz-target.js';
import { IMPORT_TARGETS } from './targets/import-targets.js';
import { INPUT_TARGETS } from './targets/input-targets.js';
import { LEDGER_TARGETS } from './targets/ledger-targets.js';
import { PROCUREMENT_TARGETS } from './targets/procurement-targets.js';
import { EXPORT_LICENSE_TARGETS } from './targets/export-license-targets.js';
import { DISCLOSURE_TARGETS } from './targets/disclosure-targets.js';

/** Every parser of untrusted input, fuzzed in CI (`fuzz.test.ts`) and at length by `npm run fuzz`. */
export const FUZZ_TARGETS: readonly FuzzTarget[] = [...PROCUREMENT_TARGETS, ...INPUT_TARGETS, ...LEDGER_TARGETS, ...IMPORT_TARGETS,
  ...EXPORT_LICENSE_TARGETS,
  ...DISCLOSURE_TARGETS,
];
