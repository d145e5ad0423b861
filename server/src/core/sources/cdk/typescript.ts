import type * as TS from 'typescript';

let loaded: typeof TS | undefined;

/**
 * The TypeScript compiler API, loaded on first use: only CDK files pay its start-up cost, and
 * templates are checked without ever loading it. Parse-only use (no program, no type checker).
 */
export function typescript(): typeof TS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('typescript') as typeof TS;
  return loaded;
}
