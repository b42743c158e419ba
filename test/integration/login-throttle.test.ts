import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  Client,
  CookieJar,
  createTestApp,
  csrfTokenFrom,
  DEMO_PASSWORD,
  fixedClock,
  type TestApp,
} from '../helpers/app.ts';
import type { App } from '../../src/platform/server.ts';

/** A browser at a given network address (and optionally behind a proxy that adds a header). */
class Browser {
  private jar = new CookieJar();
  constructor(
    private readonly app: App,
    private readonly remoteAddress: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  private async request(method: 'GET' | 'POST', url: string, payload?: string) {
    const response = await this.app.inject({
      method,
      url,
      remoteAddress: this.remoteAddress,
      headers: {
        cookie: this.jar.header(),
        ...(payload ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...this.headers,
      },
      payload,
    });
    this.jar.store(response.headers['set-cookie']);
    return response;
  }

  /** A fresh visit of the login page each time (without the session of an earlier login). */
  async logIn(email: string, password: string) {
    this.jar = new CookieJar();
    const page = await this.request('GET', '/anmelden');
    const fields = { _csrf: csrfTokenFrom(page.body), email, password };
    return this.request('POST', '/anmelden', new URLSearchParams(fields).toString());
  }
}

const CASE_WORKER = 'sachbearbeitung@kreis-paderborn.example';
const START = new Date('2026-12-01T09:00:00Z');

function retryAfter(response: { headers: Record<string, unknown> }): number {
  return Number(response.headers['retry-after']);
}

describe('login throttling per account and address', () => {
  const clock = fixedClock(START);
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ clock });
  });
  after(async () => t.close());

  it('an attacker guessing from address A cannot stop the real user logging in from address B', async () => {
    const attacker = new Browser(t.app, '198.51.100.7');
    for (let i = 0; i < 30; i++) {
      const guess = await attacker.logIn(CASE_WORKER, `geraten-${i}-xxxxxxxx`);
      assert.ok([400, 429].includes(guess.statusCode), String(guess.statusCode));
      clock.advance(2000);
    }
    const blocked = await attacker.logIn(CASE_WORKER, DEMO_PASSWORD);
    assert.equal(blocked.statusCode, 429, 'the right password does not help the attacker');
    const user = new Browser(t.app, '203.0.113.20');
    const login = await user.logIn(CASE_WORKER, DEMO_PASSWORD);
    assert.equal(login.statusCode, 303);
    assert.equal(login.headers.location, '/konto');
  });

  it('delays grow with each failure of a pair and are capped; waiting them out works', async () => {
    const email = 'toeb@lanuk.example';
    const browser = new Browser(t.app, '198.51.100.8');
    for (let i = 0; i < 3; i++) {
      assert.equal((await browser.logIn(email, `falsch-${i}-xxxxxxxx`)).statusCode, 400);
    }
    const waits: number[] = [];
    for (let i = 0; i < 14; i++) {
      assert.equal((await browser.logIn(email, `weiter-falsch-${i}-xx`)).statusCode, 400);
      const refused = await browser.logIn(email, DEMO_PASSWORD);
      assert.equal(refused.statusCode, 429);
      assert.match(refused.body, /Zu viele fehlgeschlagene Anmeldeversuche/);
      assert.match(refused.body, /Bitte warten Sie \d+ (Sekunden?|Minuten)/);
      waits.push(retryAfter(refused));
      clock.advance(retryAfter(refused) * 1000);
    }
    assert.deepEqual(waits.slice(0, 5), [1, 2, 4, 8, 16]);
    assert.ok(waits.every((w, i) => i === 0 || w >= waits[i - 1]!));
    assert.equal(Math.max(...waits), 15 * 60, 'capped at 15 minutes');
    assert.equal((await browser.logIn(email, DEMO_PASSWORD)).statusCode, 303);
    // A success forgets the pair: the next typo costs nothing again.
    assert.equal((await browser.logIn(email, 'noch-ein-tippfehler')).statusCode, 400);
    assert.equal((await browser.logIn(email, DEMO_PASSWORD)).statusCode, 303);
  });

  it('parallel guesses of one pair cannot pass the delay together', async () => {
    const email = 'antrag@windpark-sintfeld.example';
    const ip = '198.51.100.14';
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        new Browser(t.app, ip).logIn(email, `parallel-${i}-xxxxxxxx`),
      ),
    );
    assert.ok(responses.every((r) => r.statusCode === 400 || r.statusCode === 429));
    const row = await t.database.db
      .selectFrom('login_throttle')
      .select('failures')
      .where('kind', '=', 'pair')
      .where('email_key', '=', email)
      .where('ip', '=', ip)
      .executeTakeFirstOrThrow();
    assert.ok(row.failures <= 4, `${row.failures} guesses were checked`);
  });

  it('one address trying many accounts is slowed beyond its ceiling, never blocked', async () => {
    const office = new Browser(t.app, '192.0.2.50');
    for (let i = 0; i < 100; i++) {
      const response = await office.logIn(`unbekannt-${i}@example.org`, 'irgendein-passwort');
      assert.equal(response.statusCode, 400, `attempt ${i + 1}`);
    }
    assert.equal(
      (await office.logIn('noch-wer@example.org', 'irgendein-passwort')).statusCode,
      400,
    );
    const slowed = await office.logIn('antrag@windpark-sintfeld.example', DEMO_PASSWORD);
    assert.equal(slowed.statusCode, 429);
    assert.ok(retryAfter(slowed) >= 1 && retryAfter(slowed) <= 60);
    // Other addresses are not affected.
    const elsewhere = new Browser(t.app, '192.0.2.51');
    assert.equal(
      (await elsewhere.logIn('antrag@windpark-sintfeld.example', DEMO_PASSWORD)).statusCode,
      303,
    );
    // Even far beyond the ceiling the wait stays at most a minute.
    for (let i = 0; i < 10; i++) {
      clock.advance(61_000);
      await office.logIn(`noch-einer-${i}@example.org`, 'irgendein-passwort');
    }
    const capped = await office.logIn('antrag@windpark-sintfeld.example', DEMO_PASSWORD);
    assert.equal(capped.statusCode, 429);
    assert.ok(retryAfter(capped) <= 60);
    clock.advance(retryAfter(capped) * 1000);
    assert.equal(
      (await office.logIn('antrag@windpark-sintfeld.example', DEMO_PASSWORD)).statusCode,
      303,
    );
  });

  it('tells the account holder once, in German, when throttling of their account starts', async () => {
    const email = 'aufsicht@mwike.example';
    const mails = () =>
      t.database.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', email).execute();
    const browser = new Browser(t.app, '198.51.100.9');
    for (let i = 0; i < 3; i++) await browser.logIn(email, `falsch-${i}-xxxxxxxx`);
    assert.equal((await mails()).length, 0, 'three typos are no reason to write');
    await browser.logIn(email, 'der-vierte-fehlversuch');
    const sent = await mails();
    assert.equal(sent.length, 1);
    assert.match(sent[0]!.subject, /Fehlgeschlagene Anmeldeversuche/);
    assert.match(sent[0]!.body_text, /198\.51\.100\.9/);
    assert.match(sent[0]!.body_text, /Ihr Konto ist nicht gesperrt/);
    assert.match(sent[0]!.body_text, /Passwort/);
    assert.match(String(sent[0]!.link), /\/konto\/passwort$/);
    // More guesses, also from another address, do not flood the mailbox.
    const other = new Browser(t.app, '198.51.100.10');
    for (let i = 0; i < 5; i++) {
      clock.advance(20 * 60 * 1000);
      await browser.logIn(email, `mehr-${i}-xxxxxxxxxx`);
      await other.logIn(email, `mehr-${i}-xxxxxxxxxx`);
    }
    assert.equal((await mails()).length, 1);
    // Unknown accounts get nothing (and reveal nothing).
    const before = await t.database.db
      .selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 5; i++) await browser.logIn('gibt-es-nicht@example.org', 'falsch-falsch');
    const afterCount = await t.database.db
      .selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(afterCount.n), Number(before.n));
  });

  it('administrators lift the delay of an account, and the unlock is audited', async () => {
    const email = 'sachbearbeitung@brms.example';
    const user = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    const browser = new Browser(t.app, '198.51.100.11');
    for (let i = 0; i < 8; i++) await browser.logIn(email, `falsch-${i}-xxxxxxxx`);
    assert.equal((await browser.logIn(email, DEMO_PASSWORD)).statusCode, 429);

    const admin = new Client(t.app);
    await admin.logIn('admin@industrieland.example');
    const page = await admin.get(`/admin/benutzer/${user.id}`);
    assert.match(page.body, /Fehlgeschlagene Anmeldungen/);
    assert.match(page.body, /198\.51\.100\.11/);
    const unlock = await admin.post(`/admin/benutzer/${user.id}/anmeldeversuche`, {
      _csrf: csrfTokenFrom(page.body),
    });
    assert.equal(unlock.statusCode, 303);
    const event = await t.database.db
      .selectFrom('admin_events')
      .selectAll()
      .where('action', '=', 'user.login-throttle-cleared')
      .executeTakeFirstOrThrow();
    assert.deepEqual(event.details, { userId: user.id, pairs: 1 });
    assert.equal((await browser.logIn(email, DEMO_PASSWORD)).statusCode, 303);

    // Only administrators may lift it.
    const other = new Client(t.app);
    await other.logIn(CASE_WORKER);
    const account = await other.get('/konto');
    const refused = await other.post(`/admin/benutzer/${user.id}/anmeldeversuche`, {
      _csrf: csrfTokenFrom(account.body),
    });
    assert.equal(refused.statusCode, 403);
  });
});

describe('client address and X-Forwarded-For', () => {
  it('ignores X-Forwarded-For when no proxy is trusted', async () => {
    const t = await createTestApp({ clock: fixedClock(START) });
    try {
      const email = 'toeb@lanuk.example';
      for (let i = 0; i < 4; i++) {
        const spoofing = new Browser(t.app, '198.51.100.12', {
          'x-forwarded-for': `203.0.113.${i + 1}`,
        });
        await spoofing.logIn(email, `falsch-${i}-xxxxxxxx`);
      }
      const again = new Browser(t.app, '198.51.100.12', { 'x-forwarded-for': '203.0.113.99' });
      assert.equal((await again.logIn(email, DEMO_PASSWORD)).statusCode, 429);
    } finally {
      await t.close();
    }
  });

  it('takes the client address from X-Forwarded-For only when the peer is a trusted proxy', async () => {
    const t = await createTestApp({
      clock: fixedClock(START),
      env: { TRUSTED_PROXIES: '10.0.0.0/8' },
    });
    try {
      const email = 'toeb@lanuk.example';
      const attacker = new Browser(t.app, '10.0.0.2', { 'x-forwarded-for': '198.51.100.13' });
      for (let i = 0; i < 4; i++) await attacker.logIn(email, `falsch-${i}-xxxxxxxx`);
      assert.equal((await attacker.logIn(email, DEMO_PASSWORD)).statusCode, 429);
      // The real user behind the same proxy, from another address, gets in.
      const user = new Browser(t.app, '10.0.0.2', { 'x-forwarded-for': '203.0.113.30' });
      assert.equal((await user.logIn(email, DEMO_PASSWORD)).statusCode, 303);
      const rows = await t.database.db
        .selectFrom('login_throttle')
        .select('ip')
        .where('kind', '=', 'pair')
        .execute();
      assert.deepEqual(
        rows.map((r) => r.ip),
        ['198.51.100.13'],
      );
      // A peer that is not a trusted proxy cannot choose its address with the header.
      const direct = new Browser(t.app, '198.51.100.13', { 'x-forwarded-for': '203.0.113.31' });
      assert.equal((await direct.logIn(email, DEMO_PASSWORD)).statusCode, 429);
    } finally {
      await t.close();
    }
  });
});
