import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createDb } from '../../src/db/database.ts';
import { freePort } from '../../src/db/embedded.ts';
import { createApiToken } from '../../src/platform/auth/auth.queries.ts';
import { startPortal, type Started } from '../helpers/process.ts';
import { berlinDate } from '../../src/procedures/case/case.queries.ts';

/**
 * "Durable before acknowledged" (objection.actions.ts), tested the hard way: the portal runs as a
 * real process on an embedded PostgreSQL with fsync on, 16 clients send objections, a burst of 64
 * more goes out, and the portal is killed with SIGKILL while it works on them (the test requires
 * that the kill cut off requests). After a restart on the same data directory every objection
 * that got a 201 must be there with the same receipt. Requests without a 201 may or may not have
 * been stored; they are only counted.
 */
const CLIENTS = 16;
/** The kill comes after at least this much load and this many 201s (at most MAX_LOAD_MS). */
const LOAD_MS = 1_000;
const MIN_ACKNOWLEDGED = 50;
/** Requests sent at once right before the kill. */
const BURST = 64;
const MAX_LOAD_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Ack {
  reference: string;
  sha256: string;
  receivedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('objection intake after a hard kill of the portal', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'industrieland-intake-kill-'));
  const running: Started[] = [];

  after(async () => {
    for (const p of running) {
      if (p.child.exitCode !== null || p.child.signalCode !== null) continue;
      p.child.kill('SIGTERM');
      await Promise.race([p.exited, sleep(15_000)]);
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    }
    // A PostgreSQL orphaned by the SIGKILL (if the test failed before the restart cleaned it up).
    const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
    if (pid > 0 && isAlive(pid)) {
      process.kill(pid, 'SIGINT');
      for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) await sleep(100);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = (port: number) =>
    startPortal(running, dataDir, port, {
      EMBEDDED_PG_FSYNC_OFF: 'false',
      OBJECTION_POW_DIFFICULTY: '0',
      OBJECTION_RATE_LIMIT: '0',
    });

  /** The database of the running portal, for set-up and for counting only. */
  function portalDb() {
    const port = readFileSync(path.join(dataDir, 'postgres.port'), 'utf8').trim();
    return createDb(`postgres://industrieland:industrieland@127.0.0.1:${port}/industrieland`, {
      max: 2,
    });
  }

  /** A demo procedure in public participation; if none is, one is published through the API. */
  async function procedureInParticipation(base: string): Promise<string> {
    const db = portalDb();
    try {
      const settings = await sql<{
        fsync: string;
        sync: string;
      }>`select current_setting('fsync') as fsync, current_setting('synchronous_commit') as sync`.execute(
        db,
      );
      assert.deepEqual(settings.rows[0], { fsync: 'on', sync: 'on' }, 'PostgreSQL mit fsync');
      const published = await db
        .selectFrom('procedures')
        .select('id')
        .where('step', '=', 'participation')
        .where('closed_at', 'is', null)
        .executeTakeFirst();
      if (published) return published.id;
      const ready = await db
        .selectFrom('procedures')
        .select(['id', 'tenant_id'])
        .where('step', '=', 'ready-for-participation')
        .executeTakeFirstOrThrow();
      const worker = await db
        .selectFrom('users')
        .innerJoin('memberships', 'memberships.user_id', 'users.id')
        .select('users.id')
        .where('memberships.organisation_id', '=', ready.tenant_id)
        .where('memberships.role', '=', 'case_worker')
        .executeTakeFirstOrThrow();
      const { token } = await createApiToken(db, worker.id, 'Test: Einwendungseingang');
      const today = berlinDate(new Date());
      const displayStart = new Date(Date.parse(`${today}T00:00:00Z`) + 8 * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const response = await fetch(`${base}/api/v1/procedures/${ready.id}/actions/publish-notice`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ displayStart, eiaRequired: true }),
      });
      assert.equal(response.status, 200, await response.text());
      return ready.id;
    } finally {
      await db.destroy();
    }
  }

  /** Objections of the procedure in the database (the demo data brings some along). */
  async function countObjections(procedureId: string): Promise<number> {
    const db = portalDb();
    try {
      const row = await db
        .selectFrom('objections')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('procedure_id', '=', procedureId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    } finally {
      await db.destroy();
    }
  }

  it('every objection acknowledged with 201 before a SIGKILL is stored with the same receipt', async (t) => {
    const testStart = Date.now();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = await start(port);
    const procedureId = await procedureInParticipation(base);
    const storedBefore = await countObjections(procedureId);
    t.diagnostic(`Portal gestartet nach ${((Date.now() - testStart) / 1000).toFixed(1)} s`);

    const acknowledged: Ack[] = [];
    const failures = new Map<string, number>();
    const unexpected: string[] = [];
    const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS + BURST });
    let sent = 0;
    let killed = false;
    /** Sends one objection; `written` resolves when the request has been handed to the OS. */
    const send = (label: string) => {
      sent++;
      const body = JSON.stringify({
        text: `Einwendung ${label}: Gegen die geplanten Windenergieanlagen erhebe ich Einwendungen wegen Schall und Schattenwurf an meinem Wohnhaus.`,
        name: `Person ${label}`,
        address: `Hauptstraße 1, 33165 Lichtenau`,
      });
      let written!: () => void;
      const writtenPromise = new Promise<void>((resolve) => (written = resolve));
      const done = new Promise<void>((resolve) => {
        const request = http.request(
          {
            agent,
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: `/api/v1/procedures/${procedureId}/objections`,
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
            timeout: 15_000,
          },
          (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (text += chunk));
            response.on('error', (error) => fail(error.message));
            response.on('end', () => {
              if (response.statusCode === 201) {
                const receipt = JSON.parse(text) as Ack;
                acknowledged.push({
                  reference: receipt.reference,
                  sha256: receipt.sha256,
                  receivedAt: receipt.receivedAt,
                });
                resolve();
              } else fail(`HTTP ${response.statusCode}: ${text.slice(0, 300)}`);
            });
          },
        );
        const fail = (reason: string) => {
          const key = reason.slice(0, 40);
          failures.set(key, (failures.get(key) ?? 0) + 1);
          if (!killed) unexpected.push(reason);
          written();
          resolve();
        };
        request.on('timeout', () => request.destroy(new Error('Zeitüberschreitung')));
        request.on('error', (error: NodeJS.ErrnoException) => fail(error.code ?? error.message));
        request.end(body, () => written());
      });
      return { written: writtenPromise, done };
    };
    const client = async (clientNo: number) => {
      for (let i = 0; !killed && unexpected.length === 0; i++) await send(`${clientNo}-${i}`).done;
    };
    const clients = Array.from({ length: CLIENTS }, (_, n) => client(n));
    const loadStart = Date.now();
    await sleep(LOAD_MS);
    while (acknowledged.length < MIN_ACKNOWLEDGED && Date.now() - loadStart < MAX_LOAD_MS) {
      await sleep(50);
    }
    const ackedBeforeKill = acknowledged.length;
    // A burst right before the kill: once its requests are on the wire, the portal is busy with
    // them (parsing, waiting for the commit, answering) when it dies.
    const burst = Array.from({ length: BURST }, (_, n) => send(`burst-${n}`));
    await Promise.all(burst.map((b) => b.written));
    first.child.kill('SIGKILL');
    killed = true;
    await first.exited;
    await Promise.all([...clients, ...burst.map((b) => b.done)]);
    agent.destroy();
    const failed = [...failures.values()].reduce((a, b) => a + b, 0);
    const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
    const orphan =
      existsSync(pidFile) && isAlive(Number(readFileSync(pidFile, 'utf8').split('\n')[0]));

    assert.deepEqual(unexpected, [], 'Fehler schon vor dem Abbruch');
    assert.ok(ackedBeforeKill >= 10, `zu wenig Last vor dem Abbruch: ${ackedBeforeKill} mit 201`);
    // Otherwise the kill hit an idle portal and the test would prove nothing.
    assert.ok(failed > 0, 'der SIGKILL hat keine laufende Anfrage unterbrochen');
    assert.equal(sent, acknowledged.length + failed);
    assert.equal(new Set(acknowledged.map((a) => a.reference)).size, acknowledged.length);

    // Restart on the same data directory: the orphaned PostgreSQL is stopped and started anew.
    const restartAt = Date.now();
    const second = await start(port);
    t.diagnostic(`Neustart nach dem SIGKILL in ${((Date.now() - restartAt) / 1000).toFixed(1)} s`);
    const missing: string[] = [];
    const queue = [...acknowledged];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let ack = queue.pop(); ack; ack = queue.pop()) {
          const response = await fetch(`${base}/api/v1/receipts/${ack.reference}`);
          if (response.status !== 200) {
            missing.push(`${ack.reference}: HTTP ${response.status}`);
            continue;
          }
          const receipt = (await response.json()) as Ack;
          if (receipt.sha256 !== ack.sha256 || receipt.receivedAt !== ack.receivedAt) {
            missing.push(`${ack.reference}: ${JSON.stringify(receipt)} ≠ ${JSON.stringify(ack)}`);
          }
        }
      }),
    );
    assert.deepEqual(missing, [], 'bestätigte Einwendungen fehlen oder sind verändert');

    const stored = (await countObjections(procedureId)) - storedBefore;
    assert.ok(stored >= acknowledged.length);
    assert.ok(stored <= sent);
    t.diagnostic(
      `Einwendungen: ${sent} gesendet, ${acknowledged.length} mit 201 bestätigt (alle wieder abrufbar), ` +
        `${failed} ohne 201 (${[...failures].map(([k, v]) => `${k}: ${v}`).join(', ')}), davon ` +
        `${stored - acknowledged.length} dennoch gespeichert; ` +
        `PostgreSQL ${orphan ? 'lief als Waise weiter und wurde beim Neustart beendet' : 'war mit beendet'}.`,
    );

    second.child.kill('SIGTERM');
    assert.equal(await second.exited, 0, second.output());
  });
});
