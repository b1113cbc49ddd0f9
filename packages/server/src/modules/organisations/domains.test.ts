import { describe, expect, it } from 'vitest';
import { emailDomain, hasVerificationRecord, normaliseDomain } from './domains.js';

describe('normaliseDomain', () => {
  it('lowercases, drops a scheme, path, port, @ and trailing dot, and writes IDN in punycode', () => {
    expect(normaliseDomain('  Acme.NL ')).toBe('acme.nl');
    expect(normaliseDomain('https://www.acme.nl/about?x=1')).toBe('www.acme.nl');
    expect(normaliseDomain('@acme.nl')).toBe('acme.nl');
    expect(normaliseDomain('acme.nl:443')).toBe('acme.nl');
    expect(normaliseDomain('acme.nl.')).toBe('acme.nl');
    expect(normaliseDomain('Bücher.de')).toBe('xn--bcher-kva.de');
    expect(normaliseDomain('xn--bcher-kva.de')).toBe('xn--bcher-kva.de');
  });

  it('refuses what is not a host name with two labels', () => {
    for (const input of [
      '',
      'localhost',
      'nl',
      '192.168.0.1',
      'a..b',
      '-a.nl',
      'a-.nl',
      'ex_ample.nl',
      'a b.nl',
      `${'a'.repeat(64)}.nl`,
    ]) {
      expect(normaliseDomain(input), input).toBeNull();
    }
  });
});

describe('emailDomain', () => {
  it('is the normalised part after the last @', () => {
    expect(emailDomain('Jan@Bücher.DE')).toBe('xn--bcher-kva.de');
    expect(emailDomain('no-at-sign')).toBeNull();
  });
});

describe('hasVerificationRecord', () => {
  const dns = (records: Record<string, string[][]>) => async (host: string) => {
    if (host in records) return records[host]!;
    throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
  };

  it('finds the token on _klik.<domain> or the domain, joining chunks; a failed lookup is absent', async () => {
    expect(
      await hasVerificationRecord(
        dns({ '_klik.a.nl': [['klik-verification=t0k', 'en']] }),
        'a.nl',
        't0ken',
      ),
    ).toBe(true);
    expect(
      await hasVerificationRecord(
        dns({ 'a.nl': [['v=spf1 -all'], ['klik-verification=t0ken']] }),
        'a.nl',
        't0ken',
      ),
    ).toBe(true);
    expect(
      await hasVerificationRecord(dns({ 'a.nl': [['klik-verification=other']] }), 'a.nl', 't0ken'),
    ).toBe(false);
    expect(await hasVerificationRecord(dns({}), 'a.nl', 't0ken')).toBe(false);
  });
});
