import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { AppOptions } from '../../src/app.ts';
import type { Clock } from '../../src/platform/clock.ts';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { createTestApp, type TestApp } from './app.ts';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, driven by Playwright. On CI a missing browser is an error, never a skip;
 * on a developer machine without Chromium the browser tests are skipped with this reason.
 */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  if (process.env.CI)
    throw new Error(
      `Chromium fehlt unter ${CHROMIUM_PATH}; .ci/run installiert es (apt-get install chromium).`,
    );
  return `Chromium fehlt unter ${CHROMIUM_PATH} (apt-get install chromium)`;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.1 A and AA rules) on the page and returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

export function describeViolations(url: string, violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${url}: ${v.id} (${v.impact}) ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    )
    .join('\n');
}

/** The real app listening on a free loopback port, and Chromium to drive it. */
export async function startBrowserApp(
  options: { env?: Record<string, string>; clock?: Clock; app?: AppOptions } = {},
): Promise<{
  t: TestApp;
  browser: Browser;
  base: string;
  close(): Promise<void>;
}> {
  const t = await createTestApp({ env: options.env, clock: options.clock, app: options.app });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await launchBrowser();
  return {
    t,
    browser,
    base,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/**
 * Logs the demo user in through the login form (works with JavaScript off) and returns the page,
 * now on the account page. A stuck step fails with its own message within a minute instead of
 * running into the test runner's timeout.
 */
export async function logIn(
  context: BrowserContext,
  base: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<Page> {
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  await page.goto(`${base}/anmelden`);
  await fillLogin(page, email, password);
  return page;
}

async function fillLogin(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL(/\/konto$/);
}

/**
 * Logged-in pages per demo user (JavaScript off, one context each, so sessions persist) and axe
 * on what a user sees: axe is a script and scripts are off in the users' contexts, so the page as
 * shown (also an error state after a POST) is copied into a scripted page on the same URL and
 * checked there. Violations are collected in `problems`, to be asserted empty at the end.
 */
export class BrowserSessions {
  readonly problems: string[] = [];
  private readonly contexts = new Map<string, BrowserContext>();

  constructor(
    private readonly browser: () => Browser,
    private readonly base: () => string,
    private readonly password = DEMO_PASSWORD,
  ) {}

  private async context(key: string, javaScriptEnabled: boolean): Promise<BrowserContext> {
    let context = this.contexts.get(key);
    if (!context) {
      context = await this.browser().newContext({ javaScriptEnabled, locale: 'de-DE' });
      this.contexts.set(key, context);
    }
    return context;
  }

  /** A new page of the user's session, logged in on first use. */
  async as(email: string): Promise<Page> {
    const page = await (await this.context(email, false)).newPage();
    await page.goto(`${this.base()}/anmelden`);
    if (page.url().endsWith('/anmelden')) await fillLogin(page, email, this.password);
    return page;
  }

  async axe(page: Page, label: string): Promise<void> {
    const html = await page.content();
    const probe = await (await this.context('\0axe', true)).newPage();
    await probe.goto(page.url());
    await probe.setContent(html, { waitUntil: 'load' });
    const violations = await axeViolations(probe);
    if (violations.length > 0) this.problems.push(describeViolations(label, violations));
    await probe.close();
  }
}
