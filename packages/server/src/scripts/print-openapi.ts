/** Prints the OpenAPI document (used to generate the web app's typed API client). */
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';

const config = {
  ...loadConfig({ LOG_LEVEL: 'silent' }),
  database: { kind: 'pglite' as const, dataDir: null },
};
const database = await openDatabase(config.database);
await migrateDatabase(database);
const app = await buildApp(config, { database });
await app.ready();
process.stdout.write(JSON.stringify(app.swagger(), null, 2) + '\n');
await app.close();
await database.close();
