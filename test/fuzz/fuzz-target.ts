import fc from 'fast-check';

/** How long and how hard to fuzz one target. */
export interface FuzzBudget {
  /** Stop after this many inputs… */
  readonly numRuns: number;
  /** …or after this long, whichever comes first. */
  readonly timeLimitMs: number;
  readonly seed?: number;
}

/** What one run found: how many inputs it tried, and the crash it found (shrunk), if any. */
export interface FuzzRun {
  readonly executions: number;
  readonly crash: { readonly error: string; readonly counterexample: string; readonly seed: number } | undefined;
}

/** A parser under fuzzing: a name and a run over its own input generator. */
export interface FuzzTarget {
  readonly name: string;
  run(budget: FuzzBudget): Promise<FuzzRun>;
}

/**
 * A fuzz target: `check` is given generated inputs and must throw only on a *crash* — an error the
 * parser does not document (a TypeError, a RangeError, a stack overflow) or a broken property
 * (a round trip that changes the value, two scanners that disagree). Use `refusedWith` for the
 * errors a parser is allowed to throw.
 *
 * @example
 * fuzzTarget('tile paths', fc.string(), (path) => refusedWith(() => parseTilePath(path), TileError));
 */
export function fuzzTarget<T>(name: string, arbitrary: fc.Arbitrary<T>, check: (input: T) => void | Promise<void>): FuzzTarget {
  return {
    name,
    async run({ numRuns, timeLimitMs, seed }) {
      let executions = 0;
      const property = fc.asyncProperty(arbitrary, async (input) => {
        executions++;
        await check(input);
      });
      const details = await fc.check(property, { numRuns, interruptAfterTimeLimit: timeLimitMs, ...(seed === undefined ? {} : { seed }) });
      if (!details.failed) return { executions, crash: undefined };
      const error = details.errorInstance instanceof Error ? `${details.errorInstance.name}: ${details.errorInstance.message}` : String(details.errorInstance);
      return { executions, crash: { error: error.slice(0, 500), counterexample: fc.stringify(details.counterexample).slice(0, 500), seed: details.seed } };
    },
  };
}

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Runs `parse`; returns its result, or undefined when it threw one of the `allowed` error classes
 * (a documented refusal). Anything else is rethrown: a crash.
 */
export function refusedWith<T>(parse: () => T, ...allowed: ErrorClass[]): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (allowed.some((kind) => error instanceof kind)) return undefined;
    throw error;
  }
}

/** `refusedWith` for async parsers. */
export async function refusedWithAsync<T>(parse: () => Promise<T>, ...allowed: ErrorClass[]): Promise<T | undefined> {
  try {
    return await parse();
  } catch (error) {
    if (allowed.some((kind) => error instanceof kind)) return undefined;
    throw error;
  }
}

/** Throws (a crash) unless the condition holds. */
export function invariant(condition: boolean, what: string): void {
  if (!condition) throw new Error(`invariant broken: ${what}`);
}
