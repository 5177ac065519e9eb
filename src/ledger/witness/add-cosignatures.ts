import { NoteError } from '../note/note-error.js';
import { parseSignedNote } from '../note/signed-note.js';

/**
 * The checkpoint note with witnesses' cosignature lines appended (c2sp.org/tlog-witness: the log
 * "can move the valid signatures to its own view of the checkpoint"), so `/log/checkpoint` can
 * serve them. Lines already present are not repeated; the result must still parse as a note.
 *
 * @example
 * const published = addCosignatures(checkpointNote, [...linesFromWitnessA, ...linesFromWitnessB]);
 */
export function addCosignatures(checkpointNote: string, lines: readonly string[]): string {
  const { text, signatures } = parseSignedNote(checkpointNote);
  const present = new Set(signatures.map((signature) => signature.line));
  const kept = signatures.map((signature) => signature.line);
  for (const line of lines) {
    if (line.includes('\n')) throw new NoteError({ code: 'MALFORMED_NOTE', message: 'a cosignature line holds a newline' });
    if (present.has(line)) continue;
    present.add(line);
    kept.push(line);
  }
  const note = `${text}\n${kept.map((line) => `${line}\n`).join('')}`;
  parseSignedNote(note);
  return note;
}
