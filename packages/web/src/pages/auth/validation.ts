export const MIN_PASSWORD_LENGTH = 10;

/** A light check before asking the server, which validates properly. */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
