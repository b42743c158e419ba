import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, withDatabaseName, type Db } from '../../src/db/database.ts';

export interface TestDatabase {
  db: Db;
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database on the real PostgreSQL started by scripts/run-tests.ts, cloned from
 * the migrated template in milliseconds. No mocks.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_PG_URL;
  const template = process.env.TEST_TEMPLATE_DB;
  if (!serverUrl || !template) {
    throw new Error(
      'TEST_PG_URL fehlt: Tests mit Datenbank laufen über `npm test` bzw. `npm run test:only -- <Datei>`.',
    );
  }
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const url = withDatabaseName(serverUrl, name);
  const db = createDb(url, { max: 5 });
  return {
    db,
    url,
    async drop() {
      await db.destroy();
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
