import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './lock.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klik-lock-'));
  dirs.push(dir);
  return dir;
}

describe('data directory lock', () => {
  it('refuses a second holder while the first lives, and frees on release', async () => {
    const dir = tempDir();
    const release = await acquireDataDirLock(dir);
    await expect(acquireDataDirLock(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    release();
    const again = await acquireDataDirLock(dir);
    again();
  });

  it('is not fooled by a live pid in a leftover pid file (a reused pid)', async () => {
    const dir = tempDir();
    // The pid of a process that is alive (this one's parent) but holds no lock.
    fs.writeFileSync(path.join(dir, 'klik.lock'), String(process.ppid));
    const release = await acquireDataDirLock(dir);
    release();
  });

  it('is taken over after its holder was killed with SIGKILL', async () => {
    const dir = tempDir();
    const lockModule = new URL('./lock.ts', import.meta.url).pathname;
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const { acquireDataDirLock } = await import(${JSON.stringify(lockModule)});
         await acquireDataDirLock(${JSON.stringify(dir)});
         console.log('locked'); setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => child.stdout.on('data', () => resolve()));
    await expect(acquireDataDirLock(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const release = await acquireDataDirLock(dir);
    release();
  });
});
