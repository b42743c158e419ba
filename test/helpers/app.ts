import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp, type AppOptions } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { fixedClock, systemClock, type Clock } from '../../src/platform/clock.ts';
import { createMailer } from '../../src/platform/mail.ts';
import { createDirectoryStore } from '../../src/platform/storage.ts';
import type { App, Deps } from '../../src/platform/server.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/seed/demo.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export { DEMO_PASSWORD, fixedClock };

/**
 * A clock that starts at `start` and then runs with real time. Tests that need time to pass
 * (waiting-time rules, tokens, sessions) but must not meet Berlin midnight in the middle of a walk
 * use it: the calendar day is fixed, the seconds tick.
 */
export function runningClock(start: Date): Clock {
  const offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

export interface TestApp {
  app: App;
  deps: Deps;
  database: TestDatabase;
  close(): Promise<void>;
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'industrieland-app-'));
  // Figures computed on every request: tests change cases between two looks at the dashboard.
  return loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    DASHBOARD_CACHE_SECONDS: '0',
    ...overrides,
  });
}

/** The real application on a fresh database with the demo organisations and logins. */
export async function createTestApp(
  options: { clock?: Clock; env?: Record<string, string>; app?: AppOptions } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  await seedDemo(database.db);
  const config = testConfig(options.env);
  const deps: Deps = {
    config,
    db: database.db,
    clock: options.clock ?? systemClock,
    mailer: createMailer(config.smtpUrl, config.mailFrom),
    store: createDirectoryStore(config.filesDir),
  };
  const app = await buildApp(deps, options.app);
  await app.ready();
  return {
    app,
    deps,
    database,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** Cookie jar for app.inject: keeps the cookies a browser would keep. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(setCookie: string | string[] | undefined): void {
    for (const line of [setCookie ?? []].flat()) {
      const [pair] = line.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line))
        this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export function csrfTokenFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('Kein CSRF-Token in der Seite gefunden.');
  return match[1]!;
}

/** A browser-like client on app.inject: follows the form flow, keeps cookies, sends CSRF tokens. */
export class Client {
  readonly jar = new CookieJar();
  constructor(private readonly app: App) {}

  async get(url: string, headers: Record<string, string> = {}) {
    const response = await this.app.inject({
      method: 'GET',
      url,
      headers: { cookie: this.jar.header(), ...headers },
    });
    this.jar.store(response.headers['set-cookie']);
    return response;
  }

  /** Loads `formPage` to obtain a CSRF token, then posts the form like a browser would. */
  async submit(formPage: string, action: string, fields: Record<string, string>) {
    const page = await this.get(formPage);
    const csrf = csrfTokenFrom(page.body);
    return this.post(action, { _csrf: csrf, ...fields });
  }

  async post(url: string, fields: Record<string, string>) {
    const response = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
    this.jar.store(response.headers['set-cookie']);
    return response;
  }

  async logIn(email: string, password = DEMO_PASSWORD) {
    const response = await this.submit('/anmelden', '/anmelden', { email, password });
    if (response.statusCode !== 303)
      throw new Error(`Anmeldung fehlgeschlagen: ${response.statusCode}`);
    return response;
  }
}
