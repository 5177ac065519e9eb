import { describe, expect, it } from 'vitest';
import { independentlyVerify } from '../../../test/support/independent-verifier.js';
import { generateSignerKey, parseSignerKey } from '../note/signer-key.js';
import { MemoryLog } from '../tiles/memory-log.js';
import { createTileRoutes } from '../tiles/tile-routes.js';

// The acceptance check, in miniature: the independent verifier (test/support, written from
// the RFC and C2SP texts, importing nothing from src/) reads a log served by createTileRoutes.

describe('an independent verifier written from the RFC and C2SP texts', () => {
  it('recomputes the root from /log/tile/entries, matches level-0 tiles, verifies /log/checkpoint with /log/key', async () => {
    const keys = generateSignerKey('countersign.test/log');
    const log = new MemoryLog({ origin: 'countersign.test/log', signer: parseSignerKey(keys.signerKey) });
    for (let i = 0; i < 3001; i++) log.append(new TextEncoder().encode(JSON.stringify({ type: 'example', i, note: 'x'.repeat(i % 300) })));
    log.publishCheckpoint();
    const app = createTileRoutes(log);
    const result = await independentlyVerify(async (path) => {
      const response = await app.request(`http://localhost${path}`);
      expect(response.status, path).toBe(200);
      return response;
    });
    expect(result).toEqual({ origin: 'countersign.test/log', size: 3001 });
  });
});
