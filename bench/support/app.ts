import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/database.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { createMailer } from '../../src/platform/mail.ts';
import type { Deps } from '../../src/platform/server.ts';
import { createDirectoryStore } from '../../src/platform/storage.ts';

/**
 * The app's dependencies as the portal builds them, with its files in `<dir>/app`, no demo seeding
 * and no logging unless `env` says otherwise.
 */
export function benchDeps(db: Db, dir: string, env: Record<string, string> = {}): Deps {
  const config = loadConfig({
    DATA_DIR: path.join(dir, 'app'),
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    ...env,
  });
  mkdirSync(config.dataDir, { recursive: true });
  return {
    config,
    db,
    clock: systemClock,
    mailer: createMailer(config.smtpUrl, config.mailFrom),
    store: createDirectoryStore(config.filesDir),
  };
}
