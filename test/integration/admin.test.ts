import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';

describe('administration of organisations and users', () => {
  let t: TestApp;
  let admin: Client;
  before(async () => {
    t = await createTestApp();
    admin = new Client(t.app);
    await admin.logIn('admin@industrieland.example');
  });
  after(async () => t.close());

  it('creates an organisation and refuses a duplicate name with a German message', async () => {
    const created = await admin.submit('/admin/organisationen', '/admin/organisationen', {
      name: 'Kreis Steinfurt',
      kind: 'authority',
    });
    assert.equal(created.statusCode, 303);
    const duplicate = await admin.submit('/admin/organisationen', '/admin/organisationen', {
      name: 'kreis steinfurt',
      kind: 'authority',
    });
    assert.equal(duplicate.statusCode, 400);
    assert.match(duplicate.body, /gibt es bereits/);
    const count = await t.database.db
      .selectFrom('organisations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('name', 'ilike', 'kreis steinfurt')
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 1);
  });

  it('creates a user with a role; the new user can log in with argon2id-hashed password', async () => {
    const org = await t.database.db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', 'Kreis Steinfurt')
      .executeTakeFirstOrThrow();
    const created = await admin.submit('/admin/benutzer', '/admin/benutzer', {
      displayName: 'Paula Prüferin',
      email: 'paula@kreis-steinfurt.example',
      password: 'ein-langes-passwort',
      organisationId: org.id,
      role: 'case_worker',
    });
    assert.equal(created.statusCode, 303);
    const row = await t.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', 'paula@kreis-steinfurt.example')
      .executeTakeFirstOrThrow();
    assert.match(row.password_hash, /^\$argon2id\$/);
    const paula = new Client(t.app);
    await paula.logIn('paula@kreis-steinfurt.example', 'ein-langes-passwort');
    assert.match((await paula.get('/konto')).body, /Sachbearbeitung – Kreis Steinfurt/);
  });

  it('bad input re-renders with every error, keeps the values (not the password), writes nothing', async () => {
    const before = await t.database.db.selectFrom('users').select('id').execute();
    const response = await admin.submit('/admin/benutzer', '/admin/benutzer', {
      displayName: 'X',
      email: 'keine-mail',
      password: 'kurz',
      organisationId: 'nicht-da',
      role: 'kaiser',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>Fehler: Benutzerkonten/);
    for (const message of [
      'gültige E-Mail-Adresse',
      '2 bis 120 Zeichen',
      'mindestens 12 Zeichen',
      'Organisation',
      'Rolle',
    ]) {
      assert.match(response.body, new RegExp(message));
    }
    assert.match(response.body, /value="keine-mail"/);
    assert.doesNotMatch(response.body, /value="kurz"/);
    const afterRows = await t.database.db.selectFrom('users').select('id').execute();
    assert.equal(afterRows.length, before.length);
  });

  it('applies the password policy when creating a user, naming the rule that failed', async () => {
    const org = await t.database.db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', 'Kreis Steinfurt')
      .executeTakeFirstOrThrow();
    const cases: [string, RegExp][] = [
      [' '.repeat(12), /nicht nur aus Leerzeichen/],
      ['aaaaaaaaaaaa', /wiederholten Zeichen/],
      ['Passwort2026!', /häufig verwendeter Passwörter/],
      ['otto@kreis-steinfurt.example', /E-Mail-Adresse des Kontos/],
    ];
    for (const [password, message] of cases) {
      const response = await admin.submit('/admin/benutzer', '/admin/benutzer', {
        displayName: 'Otto Ohnesorg',
        email: 'otto@kreis-steinfurt.example',
        password,
        organisationId: org.id,
        role: 'case_worker',
      });
      assert.equal(response.statusCode, 400, JSON.stringify(password));
      assert.match(response.body, /<title>Fehler: Benutzerkonten/);
      assert.match(response.body, message);
    }
    const created = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'otto@kreis-steinfurt.example')
      .execute();
    assert.equal(created.length, 0);
  });

  it('records admin actions in the admin event log', async () => {
    const events = await t.database.db.selectFrom('admin_events').select('action').execute();
    assert.ok(events.some((e) => e.action === 'organisation.created'));
    assert.ok(events.some((e) => e.action === 'user.created'));
  });
});
