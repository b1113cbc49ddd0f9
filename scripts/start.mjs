// `npm start`: builds what changed since the last start, then runs the server in this process
// (so Ctrl-C and SIGTERM reach it directly). An unchanged checkout starts without rebuilding.
import { spawnSync } from 'node:child_process';
import { setInterval } from 'node:timers';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = path.join(root, 'node_modules', '.cache', 'klik', 'build-stamp');
const inputs = [
  'package-lock.json',
  'tsconfig.base.json',
  'packages/match/src',
  'packages/match/package.json',
  'packages/match/tsconfig.build.json',
  'packages/server/src',
  'packages/server/drizzle',
  'packages/server/package.json',
  'packages/server/tsconfig.build.json',
  'packages/web/src',
  'packages/web/index.html',
  'packages/web/package.json',
  'packages/web/vite.config.ts',
  'packages/web/postcss.config.js',
];
const outputs = [
  'packages/match/dist',
  'packages/server/dist/main.js',
  'packages/web/dist/index.html',
];

/** A hash of every input file's path and content: what the build depends on. */
function hashInputs() {
  const hash = createHash('sha256');
  const visit = (relative) => {
    const full = path.join(root, relative);
    if (!fs.existsSync(full)) return;
    if (fs.statSync(full).isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) visit(path.join(relative, name));
      return;
    }
    hash.update(relative).update('\0').update(fs.readFileSync(full)).update('\0');
  };
  for (const input of inputs) visit(input);
  return hash.digest('hex');
}

const current = hashInputs();
const previous = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : '';
const built = outputs.every((output) => fs.existsSync(path.join(root, output)));
if (current === previous && built) {
  console.log('Klik: nothing changed since the last build; starting.');
} else {
  console.log('Klik: building (only when the code changed) …');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.mkdirSync(path.dirname(stampFile), { recursive: true });
  fs.writeFileSync(stampFile, current);
}

// npm runs this through a shell; when npm is stopped (SIGTERM, a closed terminal) the shell may
// die without passing the signal on. The server then notices it was orphaned and stops itself,
// through the same clean shutdown as Ctrl-C.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
}, 500).unref();

process.chdir(root);
await import(pathToFileURL(path.join(root, 'packages/server/dist/main.js')).href);
