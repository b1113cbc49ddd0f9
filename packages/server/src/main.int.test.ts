import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The real entry point as a child process: first start loads the demo, data survives a restart,
 * Ctrl-C closes cleanly, and a second process on the same data directory refuses to start.
 * Runs on the embedded database only (the point is the data directory).
 */
const serverDir = fileURLToPath(new URL('..', import.meta.url));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klik-main-'));
const usesPostgres = Boolean(process.env.DATABASE_URL);

function start(port: number) {
  const child = spawn(
    process.execPath,
    ['--conditions=klik-source', '--import', 'tsx', 'src/main.ts'],
    {
      cwd: serverDir,
      env: {
        ...process.env,
        DATABASE_URL: '',
        KLIK_DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        KLIK_DEMO: 'true',
      },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitForOutput(
  proc: { output: () => string; exited: Promise<number | null> },
  text: string,
) {
  const deadline = Date.now() + 150_000;
  let hasExited = false;
  void proc.exited.then(() => (hasExited = true));
  while (Date.now() < deadline && !hasExited) {
    if (proc.output().includes(text)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (proc.output().includes(text)) return;
  throw new Error(`timed out waiting for "${text}"; output so far:\n${proc.output()}`);
}

const running: ChildProcessWithoutNullStreams[] = [];
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(usesPostgres)('npm start on the embedded database', () => {
  it('keeps data across restarts, shuts down cleanly and refuses a second process', async () => {
    const port = 3400 + Math.floor(Math.random() * 500);
    const first = start(port);
    running.push(first.child);
    await waitForOutput(first, 'Klik is running');
    expect(first.output()).toContain('hr@noordzee.demo');
    expect(first.output()).toContain('klik-demo-2026');

    const base = `http://127.0.0.1:${port}`;
    const signInResponse = await fetch(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email: 'hr@noordzee.demo', password: 'klik-demo-2026' }),
    });
    expect(signInResponse.status).toBe(200);
    const cookie = signInResponse.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const changed = await fetch(`${base}/api/organisation`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie, origin: base },
      body: JSON.stringify({ name: 'Noordzee Verzekeringen (renamed)' }),
    });
    expect(changed.status).toBe(200);

    const second = start(port + 1);
    running.push(second.child);
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toContain('in use by another Klik process');

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);

    const third = start(port + 2);
    running.push(third.child);
    await waitForOutput(third, 'Klik is running');
    expect(third.output()).not.toContain('Demo data loaded');
    const again = await fetch(`http://127.0.0.1:${port + 2}/api/organisation`, {
      headers: { cookie },
    });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { name: string }).name).toBe(
      'Noordzee Verzekeringen (renamed)',
    );

    // An acknowledged write survives kill -9, and the next process takes the lock over.
    const thirdBase = `http://127.0.0.1:${port + 2}`;
    const renamed = await fetch(`${thirdBase}/api/organisation`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie, origin: thirdBase },
      body: JSON.stringify({ name: 'Noordzee (after kill -9)' }),
    });
    expect(renamed.status).toBe(200);
    third.child.kill('SIGKILL');
    await third.exited;

    const fourth = start(port + 3);
    running.push(fourth.child);
    await waitForOutput(fourth, 'Klik is running');
    const afterKill = await fetch(`http://127.0.0.1:${port + 3}/api/organisation`, {
      headers: { cookie },
    });
    expect(((await afterKill.json()) as { name: string }).name).toBe('Noordzee (after kill -9)');
    fourth.child.kill('SIGTERM');
    expect(await fourth.exited).toBe(0);
  }, 600_000);
});
