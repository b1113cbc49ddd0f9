import { CliInputError } from './errors.js';

/** `klik-match suggest`: pool JSON in, suggestions JSON out. */
export function runSuggest(_input: unknown): unknown {
  throw new CliInputError('suggest is not implemented yet');
}
