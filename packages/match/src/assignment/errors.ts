/** An instance that cannot be solved as given; the message names the offending field and value. */
export class InvalidInstanceError extends Error {
  override name = 'InvalidInstanceError';
}
