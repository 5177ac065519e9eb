import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../core/project-root.js';
import { MerkleError } from './merkle-error.js';
import { verifyConsistency } from './verify-consistency.js';
import { verifyInclusion } from './verify-inclusion.js';
import { verifySubtreeConsistency } from './verify-subtree-consistency.js';
import { verifySubtreeInclusion } from './verify-subtree-inclusion.js';

// transparency-dev/merkle's vectors (test/fixtures/merkle-testdata, Apache-2.0). Every file is one
// case; a correct verifier accepts exactly the wantErr=false ones and rejects the rest with a reason.

const ROOT = join(projectRoot(), 'test', 'fixtures', 'merkle-testdata');
const FOLDERS = ['inclusion', 'consistency', 'subtreeinclusion', 'subtreeconsistency'] as const;
type Folder = (typeof FOLDERS)[number];

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return jsonFiles(path);
      return name.endsWith('.json') ? [path] : [];
    });
}

/** Reads a vector keeping integers exact: some are 2^64 - 1, beyond a JS number's precision. */
function readVector(path: string): Record<string, unknown> {
  const text = readFileSync(path, 'utf8').replace(/("(?:leafIdx|treeSize|size1|size2|start|end|size)":\s*)(-?\d+)/g, '$1"$2"');
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${path}: not an object`);
  return Object.fromEntries(Object.entries(parsed));
}

function int(vector: Record<string, unknown>, key: string): bigint {
  const value = vector[key];
  if (typeof value !== 'string') throw new Error(`vector field ${key} missing`);
  // A negative value cannot be a uint64 in the Go source; keep it to test rejection as a number.
  return BigInt(value);
}

function bytes(vector: Record<string, unknown>, key: string): Uint8Array {
  const value = vector[key];
  if (typeof value !== 'string') throw new Error(`vector field ${key} missing`);
  return new Uint8Array(Buffer.from(value, 'base64'));
}

function proof(vector: Record<string, unknown>): Uint8Array[] {
  const value = vector['proof'];
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw new Error('proof is not an array');
  return value.map((item) => {
    if (typeof item !== 'string') throw new Error('proof item is not a string');
    return new Uint8Array(Buffer.from(item, 'base64'));
  });
}

function check(folder: Folder, v: Record<string, unknown>): void {
  switch (folder) {
    case 'inclusion':
      return verifyInclusion({ index: int(v, 'leafIdx'), treeSize: int(v, 'treeSize'), leafHash: bytes(v, 'leafHash'), proof: proof(v), root: bytes(v, 'root') });
    case 'consistency':
      return verifyConsistency({ size1: int(v, 'size1'), size2: int(v, 'size2'), proof: proof(v), root1: bytes(v, 'root1'), root2: bytes(v, 'root2') });
    case 'subtreeinclusion':
      return verifySubtreeInclusion({
        index: int(v, 'leafIdx'),
        start: int(v, 'start'),
        end: int(v, 'end'),
        leafHash: bytes(v, 'leafHash'),
        proof: proof(v),
        root: bytes(v, 'root'),
      });
    case 'subtreeconsistency':
      return verifySubtreeConsistency({
        start: int(v, 'start'),
        end: int(v, 'end'),
        treeSize: int(v, 'size'),
        proof: proof(v),
        subtreeHash: bytes(v, 'root1'),
        root: bytes(v, 'root2'),
      });
  }
}

describe('transparency-dev/merkle test vectors', () => {
  it('finds all 518 vector files (519 with the README)', () => {
    const total = FOLDERS.reduce((sum, folder) => sum + jsonFiles(join(ROOT, folder)).length, 0);
    expect(total).toBe(518);
    expect(readdirSync(ROOT)).toContain('README.md');
  });

  for (const folder of FOLDERS) {
    it(`${folder}: accepts every wantErr=false case and rejects every wantErr=true case with a MerkleError`, () => {
      const files = jsonFiles(join(ROOT, folder));
      expect(files.length).toBeGreaterThan(0);
      const wrong: string[] = [];
      let accepted = 0;
      let rejected = 0;
      for (const file of files) {
        const vector = readVector(file);
        const name = relative(ROOT, file);
        const wantErr = vector['wantErr'];
        if (typeof wantErr !== 'boolean') throw new Error(`${name}: no wantErr`);
        let error: unknown;
        try {
          check(folder, vector);
        } catch (caught) {
          error = caught;
        }
        if (error !== undefined && !(error instanceof MerkleError)) wrong.push(`${name}: crashed with ${String(error)}`);
        else if (wantErr && error === undefined) wrong.push(`${name}: accepted, want rejection (${String(vector['desc'])})`);
        else if (!wantErr && error !== undefined) wrong.push(`${name}: rejected: ${String(error)}`);
        if (error === undefined) accepted++;
        else rejected++;
      }
      expect(wrong).toEqual([]);
      expect(accepted + rejected).toBe(files.length);
    });
  }
});
