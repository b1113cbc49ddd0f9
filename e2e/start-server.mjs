// Starts the built server on a fresh embedded database for one e2e run. The data directory is
// removed first so every run begins from the demo data alone, and the built web app is copied
// aside: the server lists its static files once at start, so a rebuild of packages/web during
// the run (by someone else on the same machine) would otherwise leave it serving stale names.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const dataDir = process.env.KLIK_DATA_DIR;
if (!dataDir) {
  console.error('KLIK_DATA_DIR must be set');
  process.exit(1);
}
fs.rmSync(dataDir, { recursive: true, force: true });

if (!process.env.WEB_DIST_DIR) {
  const builtWeb = fileURLToPath(new URL('../packages/web/dist', import.meta.url));
  if (!fs.existsSync(`${builtWeb}/index.html`)) {
    console.error(`No built web app in ${builtWeb}: run "npm run build" first`);
    process.exit(1);
  }
  const webCopy = `${dataDir}-web`;
  fs.rmSync(webCopy, { recursive: true, force: true });
  fs.cpSync(builtWeb, webCopy, { recursive: true });
  process.env.WEB_DIST_DIR = webCopy;
}

await import('../packages/server/dist/main.js');
