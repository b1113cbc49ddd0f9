/** Bad CLI input: the message names the problem; the CLI exits non-zero and prints no result. */
export class CliInputError extends Error {
  override name = 'CliInputError';
}
