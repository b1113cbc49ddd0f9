import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

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

  it('is frozen', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });
});
