/**
 * The one error base of Countersign. Every area subclasses it with its own string-literal code
 * union, so callers switch on stable codes instead of parsing messages, and one place (the HTTP
 * layer) maps codes to problem details.
 *
 * @example
 * type MerkleErrorCode = 'PROOF_TOO_LONG' | 'ROOT_MISMATCH';
 * class MerkleError extends BaseError<MerkleErrorCode> {}
 * throw new MerkleError({ code: 'ROOT_MISMATCH', message: 'calculated root differs' });
 */
export class BaseError<Code extends string> extends Error {
  readonly code: Code;
  /** Where in the input the problem is (a field path, a file and line), when known. */
  readonly where: string | undefined;

  constructor({ code, message, cause, where }: { code: Code; message: string; cause?: unknown; where?: string }) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = new.target.name;
    this.code = code;
    this.where = where;
  }
}
