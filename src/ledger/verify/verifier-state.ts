/** What a verifier remembers between runs: the last checkpoint it verified. */
export interface VerifierState {
  readonly origin: string;
  readonly size: bigint;
  readonly rootHash: Uint8Array;
}
