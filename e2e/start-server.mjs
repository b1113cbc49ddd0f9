// Starts the built server on a fresh embedded database for one e2e run. The data directory is
// removed first so every run begins from the demo data alone.
import fs from 'node:fs';

const dataDir = process.env.KLIK_DATA_DIR;
if (!dataDir) {
  console.error('KLIK_DATA_DIR must be set');
  process.exit(1);
}
fs.rmSync(dataDir, { recursive: true, force: true });

await import('../packages/server/dist/main.js');
