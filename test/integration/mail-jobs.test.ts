import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { sql } from 'kysely';
import { jobHandlers } from '../../src/app.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { runDueJobs } from '../../src/platform/jobs.ts';
import { createMailer, queueMail } from '../../src/platform/mail.ts';
import { createDirectoryStore } from '../../src/platform/storage.ts';
import type { Deps } from '../../src/platform/server.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { testConfig } from '../helpers/app.ts';

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** A real SMTP server on loopback that records what it receives. */
async function startSmtp(): Promise<{
  port: number;
  received: Received[];
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function jobCount(database: TestDatabase): Promise<number> {
  const result = await sql<{
    n: number;
  }>`select count(*)::int as n from graphile_worker.jobs`.execute(database.db);
  return result.rows[0]!.n;
}

describe('mail outbox and the transactional job queue', () => {
  let database: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  before(async () => {
    database = await createTestDatabase();
    smtp = await startSmtp();
  });
  after(async () => {
    await database.drop();
    await smtp.close();
  });

  it('a rolled-back transaction leaves neither mail nor job behind', async () => {
    await assert.rejects(
      database.db.transaction().execute(async (trx) => {
        await queueMail(trx, {
          to: 'niemand@example.org',
          subject: 'Soll nicht ankommen',
          text: 'x',
        });
        throw new Error('Abbruch nach dem Einreihen');
      }),
    );
    assert.equal((await database.db.selectFrom('mail_outbox').selectAll().execute()).length, 0);
    assert.equal(await jobCount(database), 0);
  });

  it('a committed mail is delivered over real SMTP by the job worker', async () => {
    const config = testConfig({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'Industrieland <noreply@industrieland.example>',
    });
    const deps: Deps = {
      config,
      db: database.db,
      clock: systemClock,
      mailer: createMailer(config.smtpUrl, config.mailFrom),
      store: createDirectoryStore(config.filesDir),
    };
    await database.db.transaction().execute(async (trx) => {
      await queueMail(trx, {
        to: 'sachbearbeitung@kreis-paderborn.example',
        subject: 'Eingangsbestätigung',
        text: 'Ihr Antrag ist eingegangen. Prüfsumme: äöü',
        link: 'http://localhost:3000/konto',
      });
    });
    assert.equal(await jobCount(database), 1);
    await runDueJobs({ connectionString: database.url, handlers: jobHandlers(deps) });
    assert.equal(smtp.received.length, 1);
    assert.deepEqual(smtp.received[0]!.to, ['sachbearbeitung@kreis-paderborn.example']);
    assert.match(smtp.received[0]!.data, /Subject: =\?UTF-8\?|Subject: Eingangsbest/);
    const row = await database.db
      .selectFrom('mail_outbox')
      .select(['status', 'sent_at'])
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'sent');
    assert.ok(row.sent_at);
    assert.equal(await jobCount(database), 0);
  });

  it('without SMTP the mail stays in the outbox as stored', async () => {
    const config = testConfig();
    const deps: Deps = {
      config,
      db: database.db,
      clock: systemClock,
      mailer: createMailer(undefined, config.mailFrom),
      store: createDirectoryStore(config.filesDir),
    };
    await queueMail(database.db, {
      to: 'toeb@lanuk.example',
      subject: 'Stellungnahme erbeten',
      text: 'Bitte Stellung nehmen.',
    });
    await runDueJobs({ connectionString: database.url, handlers: jobHandlers(deps) });
    const stored = await database.db
      .selectFrom('mail_outbox')
      .select('status')
      .where('to_address', '=', 'toeb@lanuk.example')
      .executeTakeFirstOrThrow();
    assert.equal(stored.status, 'stored');
    assert.equal(smtp.received.length, 1, 'nichts zusätzlich versandt');
  });
});
