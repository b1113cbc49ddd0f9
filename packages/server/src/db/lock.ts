import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number | null) {
    super(
      `The data directory ${dir} is in use by another Klik process${pid ? ` (pid ${pid})` : ''}. ` +
        'Stop that process first, or set KLIK_DATA_DIR to another directory.',
    );
    this.name = 'DataDirLockedError';
  }
}

/** Unix socket paths are limited to ~104 bytes; a long data directory gets a hashed one. */
function lockSocketPath(dir: string): string {
  const inDir = path.join(dir, 'klik.lock.sock');
  if (process.platform === 'win32') {
    return `\\\\.\\pipe\\klik-${createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 24)}`;
  }
  if (Buffer.byteLength(inDir) < 100) return inDir;
  const hash = createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 24);
  return path.join(os.tmpdir(), `klik-${hash}.sock`);
}

function listen(socketPath: string): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((connection) => connection.end());
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      server.unref();
      resolve(server);
    });
  });
}

/** Whether a live process answers on the socket (a stale socket file refuses connections). */
function isHeld(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.connect(socketPath);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

function readPid(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * PGlite is single-process: two processes writing one data directory would corrupt it. The lock
 * is a listening Unix socket in the data directory, held by the kernel for exactly as long as the
 * process lives: a second process cannot listen on it, and after a crash (even kill -9) the socket
 * file is left but refuses connections, so the lock is taken over. Unlike a pid file it cannot be
 * fooled by another program that happens to get the same pid later. The pid file beside it only
 * names the owner in the error message.
 */
export async function acquireDataDirLock(dir: string): Promise<() => void> {
  const socketPath = lockSocketPath(dir);
  const pidFile = path.join(dir, 'klik.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    let server: net.Server;
    try {
      server = await listen(socketPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      if (await isHeld(socketPath)) throw new DataDirLockedError(dir, readPid(pidFile));
      fs.rmSync(socketPath, { force: true }); // left by a process that no longer runs
      continue;
    }
    fs.writeFileSync(pidFile, String(process.pid));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      server.close();
      if (readPid(pidFile) === process.pid) fs.rmSync(pidFile, { force: true });
    };
  }
  throw new Error(`Could not lock the data directory ${dir}`);
}
