import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  Client,
  createTestApp,
  csrfTokenFrom,
  DEMO_PASSWORD,
  type TestApp,
} from '../helpers/app.ts';

const NEW_PASSWORD = 'Kiefer Brücke Laterne 7';

function sessionCookie(client: Client): string {
  return /il_session=([^;]+)/.exec(client.jar.header())?.[1] ?? '';
}

describe('session and CSRF renewal on login', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('a login ends the session the browser came with and hands out a new one', async () => {
    const browser = new Client(t.app);
    await browser.logIn('toeb@lanuk.example');
    const oldCookie = browser.jar.header();
    const oldSession = sessionCookie(browser);
    // The same browser logs in again (another person at a shared computer).
    const account = await browser.get('/konto');
    const login = await browser.post('/anmelden', {
      _csrf: csrfTokenFrom(account.body),
      email: 'aufsicht@mwike.example',
      password: DEMO_PASSWORD,
    });
    assert.equal(login.statusCode, 303);
    assert.notEqual(sessionCookie(browser), oldSession);
    assert.match((await browser.get('/konto')).body, /Aufsicht/);
    const stale = await t.app.inject({
      method: 'GET',
      url: '/konto',
      headers: { cookie: oldCookie },
    });
    assert.equal(stale.statusCode, 303, 'the old session id no longer works');
  });

  it('a form token from before the login is refused after it', async () => {
    const browser = new Client(t.app);
    const loginPage = await browser.get('/anmelden');
    const tokenBefore = csrfTokenFrom(loginPage.body);
    const login = await browser.post('/anmelden', {
      _csrf: tokenBefore,
      email: 'antrag@windpark-sintfeld.example',
      password: DEMO_PASSWORD,
    });
    assert.equal(login.statusCode, 303);
    const withOldToken = await browser.post('/konto/tokens', {
      _csrf: tokenBefore,
      name: 'Fachverfahren',
    });
    assert.equal(withOldToken.statusCode, 403);
    const tokens = await t.database.db.selectFrom('api_tokens').select('id').execute();
    assert.equal(tokens.length, 0);
    // The fresh token of the next page works.
    const fresh = await browser.submit('/konto', '/konto/tokens', { name: 'Fachverfahren' });
    assert.equal(fresh.statusCode, 200);
  });
});

describe('changing one’s own password', () => {
  let t: TestApp;
  const email = 'sachbearbeitung@brms.example';
  const hash = async () =>
    (
      await t.database.db
        .selectFrom('users')
        .select('password_hash')
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
    ).password_hash;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('is linked from the account page and works as a plain form without script', async () => {
    const browser = new Client(t.app);
    await browser.logIn(email);
    assert.match((await browser.get('/konto')).body, /href="\/konto\/passwort"/);
    const page = await browser.get('/konto/passwort');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>Passwort ändern/);
    assert.match(page.body, /<form method="post" action="\/konto\/passwort"/);
    assert.match(
      page.body,
      /name="currentPassword"[^>]*type="password"|type="password"[^>]*name="currentPassword"/,
    );
    assert.match(page.body, /autocomplete="new-password"/);
    assert.equal((await new Client(t.app).get('/konto/passwort')).statusCode, 303);
  });

  it('refuses a wrong current password, a mismatch and a weak password with an error summary, changing nothing', async () => {
    const browser = new Client(t.app);
    await browser.logIn(email);
    const before = await hash();
    const cases: [Record<string, string>, string, RegExp][] = [
      [
        {
          currentPassword: 'nicht-das-richtige',
          newPassword: NEW_PASSWORD,
          newPasswordRepeat: NEW_PASSWORD,
        },
        'currentPassword',
        /Das bisherige Passwort ist falsch/,
      ],
      [
        {
          currentPassword: DEMO_PASSWORD,
          newPassword: NEW_PASSWORD,
          newPasswordRepeat: 'etwas anderes',
        },
        'newPasswordRepeat',
        /stimmen nicht überein/,
      ],
      [
        {
          currentPassword: DEMO_PASSWORD,
          newPassword: ' '.repeat(12),
          newPasswordRepeat: ' '.repeat(12),
        },
        'newPassword',
        /nicht nur aus Leerzeichen/,
      ],
      [
        {
          currentPassword: DEMO_PASSWORD,
          newPassword: 'aaaaaaaaaaaa',
          newPasswordRepeat: 'aaaaaaaaaaaa',
        },
        'newPassword',
        /wiederholten Zeichen/,
      ],
      [
        {
          currentPassword: DEMO_PASSWORD,
          newPassword: DEMO_PASSWORD,
          newPasswordRepeat: DEMO_PASSWORD,
        },
        'newPassword',
        /unterscheiden/,
      ],
      [
        { currentPassword: '', newPassword: '', newPasswordRepeat: '' },
        'currentPassword',
        /bisheriges Passwort ein/,
      ],
    ];
    for (const [fields, field, message] of cases) {
      const response = await browser.submit('/konto/passwort', '/konto/passwort', fields);
      assert.equal(response.statusCode, 400, JSON.stringify(fields));
      assert.match(response.body, /<title>Fehler: Passwort ändern/);
      assert.match(response.body, new RegExp(`href="#feld-${field}">`));
      assert.match(response.body, message);
      assert.doesNotMatch(
        response.body,
        new RegExp(`value="${DEMO_PASSWORD}"`),
        'no password echoed',
      );
    }
    assert.equal(await hash(), before);
    assert.equal((await browser.get('/konto')).statusCode, 200, 'still logged in');
  });

  it('refuses a form without CSRF token', async () => {
    const browser = new Client(t.app);
    await browser.logIn(email);
    const before = await hash();
    const response = await browser.post('/konto/passwort', {
      currentPassword: DEMO_PASSWORD,
      newPassword: NEW_PASSWORD,
      newPasswordRepeat: NEW_PASSWORD,
    });
    assert.equal(response.statusCode, 403);
    assert.equal(await hash(), before);
  });

  it('changes the password (argon2id), renews session and CSRF secret and ends every other session', async () => {
    const browser = new Client(t.app);
    await browser.logIn(email);
    const otherDevice = new Client(t.app);
    await otherDevice.logIn(email);
    const oldCookie = browser.jar.header();
    const form = await browser.get('/konto/passwort');
    const oldToken = csrfTokenFrom(form.body);
    const changed = await browser.post('/konto/passwort', {
      _csrf: oldToken,
      currentPassword: DEMO_PASSWORD,
      newPassword: NEW_PASSWORD,
      newPasswordRepeat: NEW_PASSWORD,
    });
    assert.equal(changed.statusCode, 303);
    assert.equal(changed.headers.location, '/konto?passwort=1');
    assert.match(await hash(), /^\$argon2id\$/);
    assert.notEqual(browser.jar.header(), oldCookie);
    const confirmation = await browser.get('/konto?passwort=1');
    assert.equal(confirmation.statusCode, 200);
    assert.match(confirmation.body, /Ihr Passwort wurde geändert/);

    const stale = await t.app.inject({
      method: 'GET',
      url: '/konto',
      headers: { cookie: oldCookie },
    });
    assert.equal(stale.statusCode, 303, 'the old session id no longer works');
    assert.equal((await otherDevice.get('/konto')).statusCode, 303, 'other sessions ended');
    const sessions = await t.database.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select('sessions.id_hash')
      .where('users.email', '=', email)
      .execute();
    assert.equal(sessions.length, 1);

    const withOldToken = await browser.post('/konto/tokens', {
      _csrf: oldToken,
      name: 'Altes Formular',
    });
    assert.equal(withOldToken.statusCode, 403, 'the form token from before the change is refused');

    const oldLogin = await new Client(t.app).submit('/anmelden', '/anmelden', {
      email,
      password: DEMO_PASSWORD,
    });
    assert.equal(oldLogin.statusCode, 400);
    await new Client(t.app).logIn(email, NEW_PASSWORD);

    const audit = await t.database.db
      .selectFrom('admin_events')
      .select('action')
      .where('action', '=', 'user.password-changed')
      .execute();
    assert.equal(audit.length, 1);
    const mail = await t.database.db
      .selectFrom('mail_outbox')
      .select(['subject'])
      .where('to_address', '=', email)
      .execute();
    assert.ok(mail.some((m) => /Passwort wurde geändert/.test(m.subject)));
  });
});
