import type { Runner } from 'graphile-worker';
import { buildApp, jobHandlers } from './app.ts';
import type { Config } from './config.ts';
import { createDb, ensureDatabase, withDatabaseName, type Db } from './db/database.ts';
import { runningEmbeddedUrl, startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedDemo } from './seed/demo.ts';
import { seedDemoProcedures } from './seed/demo-procedures.ts';
import { configuredClock } from './platform/clock.ts';
import { createJobPool, startJobWorker } from './platform/jobs.ts';
import type pg from 'pg';
import { createMailer } from './platform/mail.ts';
import { createDirectoryStore } from './platform/storage.ts';
import type { App } from './platform/server.ts';
import { loadEnergyLayers } from './registers/layers/energy.load.ts';

export interface Database {
  db: Db;
  url: string;
  embedded: EmbeddedDatabase | undefined;
  close(): Promise<void>;
}

/** Boot step 1–2: the configured PostgreSQL, or the embedded one in DATA_DIR. */
export async function openDatabase(
  config: Config,
  log: (line: string) => void,
  options: { shareRunning?: boolean } = {},
): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  const running = !url && options.shareRunning ? runningEmbeddedUrl(config.dataDir) : undefined;
  if (running) url = withDatabaseName(running, 'industrieland');
  if (!url) {
    log(`Starte eingebettetes PostgreSQL in ${config.dataDir}/postgres …`);
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      fsyncOff: config.embeddedFsyncOff,
    });
    url = await ensureDatabase(embedded.url, 'industrieland');
  }
  const db = createDb(url);
  return {
    db,
    url,
    embedded,
    async close() {
      await db.destroy();
      await embedded?.stop();
    },
  };
}

export interface RunningPortal {
  app: App;
  url: string;
  stop(): Promise<void>;
}

/** Boot: config → database → migrations → demo data → server → job worker (architecture.md). */
export async function startPortal(
  config: Config,
  log: (line: string) => void = console.log,
): Promise<RunningPortal> {
  const database = await openDatabase(config, log);
  let worker: Runner | undefined;
  let jobPool: pg.Pool | undefined;
  let app: App | undefined;
  try {
    const { applied } = await migrateToLatest(database.db, database.url);
    if (applied.length > 0) log(`Datenbank-Migrationen ausgeführt: ${applied.join(', ')}`);
    // The public energy and network layers from data/energy (real data, not demo data): loaded
    // when their files changed, otherwise skipped.
    const layerLoads = (await loadEnergyLayers(database.db)).filter((r) => r.loaded);
    if (layerLoads.length > 0)
      log(
        `Geodaten-Ebenen geladen: ${layerLoads.map((r) => `${r.layer} (${r.features})`).join(', ')}`,
      );
    const deps = {
      config,
      db: database.db,
      clock: configuredClock(config),
      mailer: createMailer(config.smtpUrl, config.mailFrom),
      store: createDirectoryStore(config.filesDir),
    };
    if (config.seedDemo && (await seedDemo(database.db))) {
      // Before the job worker starts, so that its watcher sees only finished histories.
      const { created } = await seedDemoProcedures(deps);
      log(
        `Demodaten angelegt (${created} Genehmigungsverfahren, alle als Beispiele gekennzeichnet).`,
      );
    }
    app = await buildApp(deps);
    await app.listen({ port: config.port, host: config.host });
    if (config.startWorker) {
      jobPool = createJobPool(database.url);
      worker = await startJobWorker({ pgPool: jobPool, handlers: jobHandlers(deps) });
    }
  } catch (error) {
    await app?.close();
    await jobPool?.end();
    await database.close();
    throw error;
  }
  const running = app;
  return {
    app: running,
    url: config.publicUrl,
    async stop() {
      await running.close();
      try {
        await worker?.stop();
      } catch (error) {
        // An interrupted job stays in the queue and runs again after the next start.
        log(
          `Hinweis: Die Job-Verarbeitung wurde unterbrochen (${error instanceof Error ? error.message : String(error)}).`,
        );
      }
      await database.close();
    },
  };
}
