import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { freePort } from '../../src/db/embedded.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { runCli, startPortal, waitFor, type Started } from '../helpers/process.ts';

/** `npm start` as a user runs it: embedded PostgreSQL, demo data, second instance, SIGTERM, restart. */
describe('starting and stopping the portal', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'industrieland-start-'));
  const running: Started[] = [];
  after(async () => {
    for (const p of running) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = (port: number) => startPortal(running, dataDir, port);

  it('starts with an embedded PostgreSQL, seeds demo data once, refuses a second instance, stops cleanly, restarts', async () => {
    const port = await freePort();
    const first = await start(port);
    assert.match(first.output(), /admin@industrieland\.example/);
    assert.match(first.output(), /Demodaten angelegt/);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
    const page = await fetch(
      `http://127.0.0.1:${port}/fristenrechner?start=2026-03-09&duration=P1M&counting=day-start`,
    );
    assert.equal(page.status, 200);
    assert.match(await page.text(), /8\. April 2026/);

    const second = runCli(['start'], {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    });
    running.push(second);
    assert.equal(await second.exited, 1);
    assert.match(second.output(), /wird bereits von einer laufenden Industrieland-Instanz/);
    assert.equal(
      (await fetch(`http://127.0.0.1:${port}/healthz`)).status,
      200,
      'die erste Instanz läuft weiter',
    );

    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0, first.output());
    assert.equal(
      existsSync(path.join(dataDir, 'postgres', 'postmaster.pid')),
      false,
      'PostgreSQL wurde beendet',
    );

    const again = await start(port);
    assert.doesNotMatch(again.output(), /Demodaten angelegt/);
    assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
    again.child.kill('SIGINT');
    assert.equal(await again.exited, 0, again.output());
  });

  it('with DATABASE_URL it uses that server and starts no embedded one', async () => {
    const database = await createTestDatabase();
    const externalDir = mkdtempSync(path.join(tmpdir(), 'industrieland-ext-'));
    try {
      const port = await freePort();
      const started = runCli(['start'], {
        DATA_DIR: externalDir,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        DATABASE_URL: database.url,
      });
      running.push(started);
      await waitFor(
        () => started.output().includes('Industrieland läuft') || started.child.exitCode !== null,
        'Start',
      );
      assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
      assert.equal(existsSync(path.join(externalDir, 'postgres')), false);
      started.child.kill('SIGTERM');
      assert.equal(await started.exited, 0);
    } finally {
      await database.drop();
      rmSync(externalDir, { recursive: true, force: true });
    }
  });

  it('the CLI exits with 2 and a German message on bad input, 0 on success', async () => {
    const bad = runCli(
      ['deadline', '--start', '2026-02-30', '--duration', 'P1M', '--counting', 'event'],
      {},
    );
    assert.equal(await bad.exited, 2);
    assert.match(bad.output(), /kein gültiges Datum/);
    const good = runCli(
      ['deadline', '--start', '2026-02-02', '--duration', 'P1M', '--counting', 'event', '--json'],
      {},
    );
    assert.equal(await good.exited, 0);
    assert.equal(JSON.parse(good.output()).end, '2026-03-02');
    const unknown = runCli(['aufräumen'], {});
    assert.equal(await unknown.exited, 2);
    assert.match(unknown.output(), /Unbekannter Befehl/);
  });

  it('a bad configuration ends with a clear German message', async () => {
    const started = runCli(['start'], { DATA_DIR: dataDir, PORT: 'achtzig' });
    running.push(started);
    assert.equal(await started.exited, 1);
    assert.match(started.output(), /PORT muss eine Portnummer/);
  });
});
