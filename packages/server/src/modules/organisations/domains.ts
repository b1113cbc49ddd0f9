import { randomBytes } from 'node:crypto';
import { Resolver } from 'node:dns/promises';
import { domainToASCII } from 'node:url';

/**
 * Email domains an organisation owns: normalising what an admin types, the TXT record that proves
 * ownership, and the DNS lookup. Pure except for the resolver, which is passed in (tests use a
 * fake one; the real one needs a reachable DNS server).
 */

/** The TXT records of a host name, as `node:dns` gives them: each record in chunks. */
export type TxtResolver = (hostname: string) => Promise<string[][]>;

const label = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * `Acme.NL`, `https://acme.nl/about`, `@acme.nl` and `bücher.de` become `acme.nl` and
 * `xn--bcher-kva.de` (IDN through punycode). Null when it is not a host name with at least two
 * labels (a bare TLD, an IP address, an underscore, an empty label).
 */
export function normaliseDomain(input: string): string | null {
  let value = input.trim().toLowerCase();
  value = value.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  value = value.replace(/^@/, '');
  value = value.split(/[/?#]/)[0] ?? '';
  value = value.replace(/:\d+$/, '').replace(/\.$/, '');
  if (!value) return null;
  const ascii = domainToASCII(value);
  if (!ascii || ascii.length > 253) return null;
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((l) => label.test(l))) return null;
  if (/^\d+$/.test(labels.at(-1)!)) return null;
  return ascii;
}

/** The normalised domain of an address (`Jan@Bücher.de` → `xn--bcher-kva.de`), or null. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  return at < 0 ? null : normaliseDomain(email.slice(at + 1));
}

export function newVerificationToken(): string {
  return randomBytes(18).toString('base64url');
}

export const VERIFICATION_PREFIX = 'klik-verification=';

/** The TXT record to publish; the bare domain is accepted too. */
export function verificationRecord(domain: string, token: string) {
  return { type: 'TXT' as const, name: `_klik.${domain}`, value: `${VERIFICATION_PREFIX}${token}` };
}

/** Whether `_klik.<domain>` or `<domain>` carries the token. A failed lookup counts as absent. */
export async function hasVerificationRecord(
  resolveTxt: TxtResolver,
  domain: string,
  token: string,
): Promise<boolean> {
  const expected = `${VERIFICATION_PREFIX}${token}`;
  for (const host of [`_klik.${domain}`, domain]) {
    const records = await resolveTxt(host).catch(() => [] as string[][]);
    if (records.some((chunks) => chunks.join('').trim() === expected)) return true;
  }
  return false;
}

/** The real resolver: the system's DNS servers, giving up after `timeoutMs`. */
export function createDnsTxtResolver(timeoutMs = 5000): TxtResolver {
  return async (hostname) => {
    const resolver = new Resolver({ timeout: timeoutMs, tries: 2 });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        resolver.cancel();
        reject(new Error(`DNS lookup of ${hostname} timed out`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([resolver.resolveTxt(hostname), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
}
