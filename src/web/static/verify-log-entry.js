// "Verify in your browser" on log entry pages and record pages: fetches an entry's inclusion
// proof from /api/v1/log/entries/{index}/proof, checks that the entry bytes hash into the signed
// checkpoint's tree (verify-inclusion.js) and that the checkpoint is the log's (verify-checkpoint.js),
// and says what it found in the control's live region. Everything the check uses is also on the
// page and in the proof JSON, so readers without script can check it with `countersign log verify`.
//
// Markup it expects (written by src/web/components/log-verify-control.ts):
//   <div data-log-verify data-index="41" data-proof-url="/api/v1/log/entries/41/proof"
//        [data-verifier-key="…"] [data-entry-bytes="id of the element holding the exact bytes"] [data-compact]>
//     <button type="button" hidden>…</button> <p data-verify-result role="status" aria-live="polite"></p>
//   </div>

import { verifyCheckpoint } from './verify-checkpoint.js';
import { verifyInclusion } from './verify-inclusion.js';

for (const control of document.querySelectorAll('[data-log-verify]')) {
  const button = control.querySelector('button');
  const output = control.querySelector('[data-verify-result]');
  if (!button || !output) continue;
  // The button does nothing without script, so it stays hidden until now.
  button.hidden = false;
  button.addEventListener('click', async () => {
    button.disabled = true;
    show(output, 'checking', 'Checking…');
    const outcome = await verifyEntry(control.dataset);
    show(output, outcome.ok ? 'ok' : 'failed', describe(outcome, control.dataset.index, 'compact' in control.dataset));
    button.disabled = false;
  });
}

function show(output, state, text) {
  output.dataset.state = state;
  output.textContent = text;
}

async function verifyEntry({ index, proofUrl, verifierKey, entryBytes }) {
  try {
    // Only a path on this site: the check must ask the log it is reading, nobody else.
    if (typeof proofUrl !== 'string' || !proofUrl.startsWith('/') || proofUrl.startsWith('//')) return fail('no proof address on this page');
    const response = await fetch(proofUrl, { headers: { accept: 'application/json' }, cache: 'no-store' });
    if (!response.ok) return fail(`the proof could not be fetched (HTTP ${response.status})`);
    const proof = await response.json();
    if (!isProof(proof)) return fail('the proof is not in the expected form');
    if (proof.index !== index) return fail(`the proof is for entry ${proof.index}, not entry ${index}`);
    if (entryBytes) {
      const shown = document.getElementById(entryBytes)?.textContent;
      if (shown !== proof.entry) return fail('the entry shown on this page is not the one the log proves');
    }

    const inclusion = await verifyInclusion({ entry: base64(proof.entry), index: proof.index, treeSize: proof.treeSize, proof: proof.inclusionProof, rootHash: proof.rootHash });
    if (!inclusion.ok) return fail(inclusion.reason);

    const key = verifierKey || (await (await fetch('/log/key', { cache: 'no-store' })).text()).trim();
    const checkpoint = await verifyCheckpoint({ note: proof.checkpoint, verifierKey: key, treeSize: proof.treeSize, rootHash: proof.rootHash });
    if (!checkpoint.ok) return fail(checkpoint.reason);
    return { ok: true, treeSize: proof.treeSize, checkpoint };
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

function fail(reason) {
  return { ok: false, reason };
}

function isProof(value) {
  return typeof value === 'object' && value !== null
    && typeof value.index === 'string' && typeof value.treeSize === 'string' && typeof value.entry === 'string'
    && Array.isArray(value.inclusionProof) && value.inclusionProof.every((h) => typeof h === 'string')
    && typeof value.rootHash === 'string' && typeof value.checkpoint === 'string';
}

/** The entry's UTF-8 bytes in base64, as verifyInclusion takes them (the leaf hash covers the bytes). */
function base64(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function describe(outcome, index, compact) {
  if (!outcome.ok) return `Verification failed: ${outcome.reason}.`;
  const { treeSize, checkpoint } = outcome;
  if (compact) {
    return checkpoint.signature === 'verified'
      ? `Verified: in the signed tree of ${treeSize} entries.`
      : `Verified: in the tree of ${treeSize} entries (signature not checked in this browser).`;
  }
  const included = `Verified: entry ${index} is included in the log's tree of ${treeSize} entries`;
  return checkpoint.signature === 'verified'
    ? `${included}, and that tree's checkpoint carries a valid signature by ${checkpoint.signer}.`
    : `${included}. The checkpoint's signature was not checked here (${checkpoint.reason}); check it with countersign log verify.`;
}
