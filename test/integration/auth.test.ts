import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, createTestApp, csrfTokenFrom, type TestApp } from '../helpers/app.ts';

describe('login, sessions, CSRF and throttling', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('logs in with the demo password and shows the account with its roles', async () => {
    const client = new Client(t.app);
    const login = await client.logIn('sachbearbeitung@kreis-paderborn.example');
    assert.equal(login.headers.location, '/konto');
    const session = await t.database.db.selectFrom('sessions').selectAll().execute();
    assert.equal(session.length, 1);
    // only a hash of the cookie value is stored
    const cookie = String(login.headers['set-cookie']).match(/il_session=([^;]+)/)![1]!;
    assert.notEqual(session[0]!.id_hash, cookie);
    const account = await client.get('/konto');
    assert.equal(account.statusCode, 200);
    assert.match(account.body, /Sachbearbeitung – Kreis Paderborn/);
  });

  it('rejects a wrong password with a German message, keeps the e-mail, creates no session', async () => {
    const client = new Client(t.app);
    const before = await t.database.db.selectFrom('sessions').select('id_hash').execute();
    const response = await client.submit('/anmelden', '/anmelden', {
      email: 'toeb@lanuk.example',
      password: 'falsches-passwort-123',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>Fehler: Anmelden/);
    assert.match(response.body, /E-Mail-Adresse oder Passwort ist falsch\./);
    assert.match(response.body, /value="toeb@lanuk\.example"/);
    const afterRows = await t.database.db.selectFrom('sessions').select('id_hash').execute();
    assert.equal(afterRows.length, before.length);
  });

  it('names each missing field', async () => {
    const client = new Client(t.app);
    const response = await client.submit('/anmelden', '/anmelden', { email: '', password: '' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /href="#feld-email">Bitte geben Sie Ihre E-Mail-Adresse ein\./);
    assert.match(response.body, /href="#feld-password">Bitte geben Sie Ihr Passwort ein\./);
  });

  it('refuses a form without or with a forged CSRF token and changes nothing', async () => {
    const client = new Client(t.app);
    await client.get('/anmelden');
    const missing = await client.post('/anmelden', {
      email: 'admin@industrieland.example',
      password: 'Demo-Passwort-2026',
    });
    assert.equal(missing.statusCode, 403);
    assert.match(missing.body, /Das Formular ist abgelaufen/);
    const forged = await client.post('/anmelden', {
      _csrf: 'gefälscht',
      email: 'admin@industrieland.example',
      password: 'Demo-Passwort-2026',
    });
    assert.equal(forged.statusCode, 403);
    assert.equal(client.jar.header().includes('il_session'), false);
  });

  it('delays guessing from one address after a few failures, even with the right password', async () => {
    const client = new Client(t.app);
    for (let i = 0; i < 4; i++) {
      const r = await client.submit('/anmelden', '/anmelden', {
        email: 'aufsicht@mwike.example',
        password: `falsch-${i}-xxxxxxx`,
      });
      assert.equal(r.statusCode, 400);
    }
    const blocked = await client.submit('/anmelden', '/anmelden', {
      email: 'aufsicht@mwike.example',
      password: 'Demo-Passwort-2026',
    });
    assert.equal(blocked.statusCode, 429);
    assert.ok(Number(blocked.headers['retry-after']) >= 1);
    assert.match(blocked.body, /Zu viele fehlgeschlagene Anmeldeversuche/);
  });

  it('logs out: the session row is deleted and the cookie no longer works', async () => {
    const client = new Client(t.app);
    await client.logIn('antrag@windpark-sintfeld.example');
    const account = await client.get('/konto');
    const out = await client.post('/abmelden', { _csrf: csrfTokenFrom(account.body) });
    assert.equal(out.statusCode, 303);
    const again = await client.get('/konto');
    assert.equal(again.statusCode, 303);
    assert.match(String(again.headers.location), /^\/anmelden\?weiter=/);
  });

  it('does not redirect to another site after login', async () => {
    const client = new Client(t.app);
    const page = await client.get('/anmelden?weiter=//evil.example/');
    const response = await client.post('/anmelden', {
      _csrf: csrfTokenFrom(page.body),
      weiter: '//evil.example/',
      email: 'admin@industrieland.example',
      password: 'Demo-Passwort-2026',
    });
    assert.equal(response.headers.location, '/konto');
  });

  it('a disabled account cannot log in and loses its sessions', async () => {
    const admin = new Client(t.app);
    await admin.logIn('admin@industrieland.example');
    const user = new Client(t.app);
    await user.logIn('sachbearbeitung@brms.example');
    const target = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'sachbearbeitung@brms.example')
      .executeTakeFirstOrThrow();
    const lock = await admin.submit(
      `/admin/benutzer/${target.id}`,
      `/admin/benutzer/${target.id}/status`,
      { disabled: 'true' },
    );
    assert.equal(lock.statusCode, 303);
    assert.equal((await user.get('/konto')).statusCode, 303);
    const again = await new Client(t.app).submit('/anmelden', '/anmelden', {
      email: 'sachbearbeitung@brms.example',
      password: 'Demo-Passwort-2026',
    });
    assert.equal(again.statusCode, 400);
  });
});
