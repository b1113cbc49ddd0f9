import { describe, expect, it } from 'vitest';
import { ConfigError, fastifyTrustProxy, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the embedded database in ./data on port 3000 with demo data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database.kind).toBe('pglite');
    expect(config.loadDemoData).toBe(true);
    expect(config.baseUrl).toBe('http://localhost:3000');
  });

  it('uses PostgreSQL when DATABASE_URL is set, without demo data unless asked', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1/klik' });
    expect(config.database).toMatchObject({ kind: 'postgres', url: 'postgres://u@127.0.0.1/klik' });
    expect(config.loadDemoData).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x/y', KLIK_DEMO: 'true' }).loadDemoData).toBe(
      true,
    );
  });

  it('names every bad variable', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('SMTP_URL');
    }
  });

  it('takes PUBLIC_URL (the address users type) as http or https only', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://klik.example.com/' }).baseUrl).toBe(
      'https://klik.example.com',
    );
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3300' }).baseUrl).toBe(
      'http://localhost:3300',
    );
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://klik.example.com' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ PUBLIC_URL: 'klik.example.com' })).toThrow(/PUBLIC_URL/);
  });

  it('listens on localhost, or on every interface inside a container, unless HOST says', () => {
    expect(loadConfig({}).host).toBe('localhost');
    expect(loadConfig({}, { inContainer: true }).host).toBe('0.0.0.0');
    expect(loadConfig({}, { inContainer: true }).baseUrl).toBe('http://localhost:3000');
    expect(loadConfig({ HOST: '127.0.0.1' }, { inContainer: true }).host).toBe('127.0.0.1');
  });

  it('has database and request timeouts, and refuses nonsense', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@127.0.0.1/klik',
      DATABASE_STATEMENT_TIMEOUT_MS: '2000',
    });
    expect(config.database).toMatchObject({ connectTimeoutMs: 5000, statementTimeoutMs: 2000 });
    expect(config.requestTimeoutMs).toBe(30_000);
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: 'soon' })).toThrow(/REQUEST_TIMEOUT_MS/);
  });

  it('reads TRUST_PROXY as hops or proxy addresses, never "trust every hop"', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    // 'true' (kept for compatibility) trusts one hop: the reverse proxy in front of Klik.
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.4' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.4',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
    // Fastify gets a trust function for hops: the socket peer and hops-1 more are proxies.
    const trust = fastifyTrustProxy(2) as (address: string, hop: number) => boolean;
    expect([0, 1, 2].map((hop) => trust('10.0.0.1', hop))).toEqual([true, true, false]);
    expect(fastifyTrustProxy(false)).toBe(false);
  });

  it('keeps the per-address sign-in limit well above the per-account one', () => {
    expect(loadConfig({}).signInRateLimit).toBe(10);
    expect(loadConfig({}).signInAddressRateLimit).toBe(100);
    expect(loadConfig({ KLIK_SIGN_IN_RATE_LIMIT: '200' }).signInAddressRateLimit).toBe(2000);
    expect(loadConfig({ KLIK_SIGN_IN_ADDRESS_RATE_LIMIT: '50' }).signInAddressRateLimit).toBe(50);
  });

  it('lets the loopback names of the same port write only while PUBLIC_URL is not set', () => {
    expect(loadConfig({ PORT: '4000' }).allowedOrigins).toEqual([
      'http://localhost:4000',
      'http://127.0.0.1:4000',
      'http://[::1]:4000',
    ]);
    expect(loadConfig({ PUBLIC_URL: 'https://klik.example.com/' }).allowedOrigins).toEqual([
      'https://klik.example.com',
    ]);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });
});
