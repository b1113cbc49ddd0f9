import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/context.js';

const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klik-web-'));
let ctx: TestContext;
beforeAll(async () => {
  fs.writeFileSync(
    path.join(webDir, 'index.html'),
    '<!doctype html><title>Klik</title><div id="root"></div>',
  );
  fs.mkdirSync(path.join(webDir, 'assets'));
  fs.writeFileSync(path.join(webDir, 'assets', 'app-1.js'), 'console.log(1)');
  ctx = await createTestContext({ webDistDir: webDir });
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

describe('serving the web app', () => {
  it('serves files, and index.html for every app path', async () => {
    expect((await ctx.app.inject({ url: '/assets/app-1.js' })).body).toBe('console.log(1)');
    for (const url of ['/', '/people/123', '/sign-in?email=a%40b.nl']) {
      const response = await ctx.app.inject({ url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain('<div id="root">');
    }
  });

  it('serves a file built after start (a rebuilt web app needs no restart)', async () => {
    fs.writeFileSync(path.join(webDir, 'assets', 'app-2.js'), 'console.log(2)');
    expect((await ctx.app.inject({ url: '/assets/app-2.js' })).body).toBe('console.log(2)');
  });

  it('keeps API paths out of the fallback', async () => {
    const response = await ctx.app.inject({ url: '/api/does-not-exist' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });

  it('does not serve files outside the web app', async () => {
    const response = await ctx.app.inject({ url: '/../../../etc/passwd' });
    expect(response.body).not.toContain('root:');
  });
});
