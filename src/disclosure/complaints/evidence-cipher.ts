import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { EvidenceSeal } from './complaint-store.js';

/**
 * Encrypts one evidence file with a key of its own (AES-256-GCM): the database keeps only the
 * ciphertext; the key, IV, tag and the file's SHA-256 go into the seal store, so shredding the
 * seal leaves ciphertext nobody can open.
 *
 * @example
 * const { ciphertext, seal } = encryptEvidence({ fileName: 'report.pdf', mediaType: 'application/pdf', content });
 */
export function encryptEvidence(file: { fileName: string; mediaType: string; content: Buffer }): { ciphertext: Buffer; seal: EvidenceSeal } {
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(file.content), cipher.final()]);
  return {
    ciphertext,
    seal: {
      fileName: file.fileName, mediaType: file.mediaType, size: file.content.length, sha256: createHash('sha256').update(file.content).digest('hex'),
      key: key.toString('hex'), iv: iv.toString('hex'), tag: cipher.getAuthTag().toString('hex'),
    },
  };
}

/** Opens a stored evidence file with its seal; throws if the ciphertext was altered (GCM tag, then SHA-256). */
export function decryptEvidence(ciphertext: Buffer, seal: EvidenceSeal): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(seal.key, 'hex'), Buffer.from(seal.iv, 'hex'));
  decipher.setAuthTag(Buffer.from(seal.tag, 'hex'));
  const content = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  if (createHash('sha256').update(content).digest('hex') !== seal.sha256) throw new Error('evidence file does not match its sealed hash');
  return content;
}
