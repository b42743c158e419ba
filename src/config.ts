import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';

/**
 * The one place that reads process.env (style.md rule 10). The result is validated and frozen;
 * nothing else in the application looks at the environment.
 */
export interface Config {
  /** HOST: the interface the portal listens on; loopback unless a reverse proxy needs more. */
  readonly host: string;
  readonly port: number;
  readonly publicUrl: string;
  /**
   * TRUSTED_PROXIES: addresses or CIDR ranges of reverse proxies whose X-Forwarded-For header
   * names the client. Empty (the default): the header is ignored and the peer address counts, so
   * nobody can pick the address that login throttling and rate limits see.
   */
  readonly trustedProxies: readonly string[];
  readonly dataDir: string;
  /** External PostgreSQL; when undefined the embedded server in dataDir/postgres is used. */
  readonly databaseUrl: string | undefined;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** COOKIE_SECRET; when unset, resolveCookieSecret() keeps one in the data dir. */
  readonly cookieSecret: string | undefined;
  /** Days the offices are closed (not public holidays): annual 'MM-DD' or dated 'YYYY-MM-DD'. */
  readonly officeClosedDays: readonly OfficeClosedDay[];
  readonly secureCookies: boolean;
  readonly seedDemo: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  readonly startWorker: boolean;
  /** Embedded PostgreSQL only: fsync off (tests and benchmarks; never for real data). */
  readonly embeddedFsyncOff: boolean;
  readonly filesDir: string;
  readonly participation: ParticipationConfig;
  /** DEMO_INSTANCE=true: a demo or training instance (no real cases); allows the clock offset. */
  readonly demoInstance: boolean;
  /**
   * DEMO_CLOCK_OFFSET_DAYS: days the application's clock runs ahead (0 = real time), so that a
   * demo can take a formal procedure past every date. Only forward, only on a demo instance.
   */
  readonly demoClockOffsetDays: number;
  /**
   * DASHBOARD_CACHE_SECONDS: how long computed monitoring figures are kept before they are
   * computed again from the case tables (default 300; 0 computes on every request). The pages
   * say when their figures were computed.
   */
  readonly dashboardCacheSeconds: number;
}

/** Ten years ahead is past every date of a permit procedure; more is a typing error. */
const MAX_DEMO_OFFSET_DAYS = 3650;

/**
 * The clock offset is refused on an instance not marked as a demo: shifted dates on real cases
 * would make deadlines, receipts and notices legally wrong. Negative offsets are refused too: a
 * clock going back would date new steps before recorded ones (the engine refuses those anyway).
 */
function parseDemoClock(env: NodeJS.ProcessEnv): { demoInstance: boolean; offsetDays: number } {
  const demoInstance = parseBoolean('DEMO_INSTANCE', env.DEMO_INSTANCE, false);
  const raw = env.DEMO_CLOCK_OFFSET_DAYS?.trim() ?? '';
  if (raw === '') return { demoInstance, offsetDays: 0 };
  if (!/^[+-]?\d+$/.test(raw) || Number(raw) < 0 || Number(raw) > MAX_DEMO_OFFSET_DAYS) {
    throw new ConfigError(
      `DEMO_CLOCK_OFFSET_DAYS muss eine ganze Zahl von 0 bis ${MAX_DEMO_OFFSET_DAYS} sein (Tage, um die die Uhr vorgestellt wird; zurückstellen ist nicht möglich), nicht „${raw}“.`,
    );
  }
  const offsetDays = Number(raw);
  if (offsetDays > 0 && !demoInstance) {
    throw new ConfigError(
      'DEMO_CLOCK_OFFSET_DAYS ist nur auf einer Demo- oder Schulungsinstanz erlaubt. Diese Instanz ist nicht als Demo gekennzeichnet (DEMO_INSTANCE=true fehlt); eine verstellte Uhr würde Fristen echter Verfahren verfälschen. Der Start wurde abgebrochen.',
    );
  }
  return { demoInstance, offsetDays };
}

/** Rules of the public objection intake (§ 10 Abs. 3 BImSchG, § 12 9. BImSchV). */
export interface ParticipationConfig {
  /**
   * OBJECTION_IDENTITY=required|optional: whether name and address are required. § 12 Abs. 2
   * 9. BImSchV assumes them; whether an anonymous web objection is admissible is open. [open]
   */
  readonly identityRequired: boolean;
  /** OBJECTION_POW_DIFFICULTY: leading zero bits of the proof of work (0 = off, max 24). */
  readonly powDifficulty: number;
  /** OBJECTION_FORM_MIN_SECONDS: a form without script is accepted after this waiting time. */
  readonly formMinSeconds: number;
  /** OBJECTION_RATE_LIMIT: objections per hour from one address and procedure (0 = off). */
  readonly ratePerHour: number;
  /** Easy alternative access to the displayed documents (§ 10 Abs. 3 S. 3 BImSchG). */
  readonly alternativeAccess: string;
}

function parseInteger(name: string, value: string | undefined, fallback: number, max: number) {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > max) {
    throw new ConfigError(`${name} muss eine ganze Zahl von 0 bis ${max} sein, nicht „${value}“.`);
  }
  return number;
}

function parseParticipation(env: NodeJS.ProcessEnv): ParticipationConfig {
  const identity = env.OBJECTION_IDENTITY || 'required';
  if (identity !== 'required' && identity !== 'optional') {
    throw new ConfigError('OBJECTION_IDENTITY muss „required“ oder „optional“ sein.');
  }
  return Object.freeze({
    identityRequired: identity === 'required',
    powDifficulty: parseInteger('OBJECTION_POW_DIFFICULTY', env.OBJECTION_POW_DIFFICULTY, 16, 24),
    formMinSeconds: parseInteger(
      'OBJECTION_FORM_MIN_SECONDS',
      env.OBJECTION_FORM_MIN_SECONDS,
      10,
      600,
    ),
    ratePerHour: parseInteger('OBJECTION_RATE_LIMIT', env.OBJECTION_RATE_LIMIT, 30, 1_000_000),
    alternativeAccess:
      env.DISPLAY_ALTERNATIVE_ACCESS ||
      'Wer die Unterlagen nicht im Internet einsehen kann, erhält auf Anfrage einen anderen leicht zugänglichen Zugang, zum Beispiel Einsicht am Bildschirm oder eine Papierkopie in der Dienststelle der Genehmigungsbehörde. Bitte melden Sie sich telefonisch oder per E-Mail bei der zuständigen Behörde.',
  });
}

export class ConfigError extends Error {}

export type OfficeClosedDay =
  | { kind: 'annual'; month: number; day: number; reason: string }
  | { kind: 'dated'; date: string; reason: string };

const DEFAULT_OFFICE_CLOSED = '12-24=Heiligabend,12-31=Silvester';

/** OFFICE_CLOSED_DAYS="12-24=Heiligabend,12-31=Silvester,2026-05-15=Betriebsausflug" */
function parseOfficeClosedDays(value: string | undefined): OfficeClosedDay[] {
  const text = value === undefined ? DEFAULT_OFFICE_CLOSED : value.trim();
  if (text === '') return [];
  return text.split(',').map((entry) => {
    const [when = '', reason = 'Dienststelle geschlossen'] = entry
      .split('=')
      .map((part) => part.trim());
    const annual = /^(\d{2})-(\d{2})$/.exec(when);
    const dated = /^(\d{4})-(\d{2})-(\d{2})$/.exec(when);
    const month = Number((annual ?? dated)?.[annual ? 1 : 2]);
    const day = Number((annual ?? dated)?.[annual ? 2 : 3]);
    if ((!annual && !dated) || month < 1 || month > 12 || day < 1 || day > 31) {
      throw new ConfigError(
        `OFFICE_CLOSED_DAYS: „${entry}“ ist kein Schließtag. Erwartet MM-TT oder JJJJ-MM-TT, optional mit =Grund.`,
      );
    }
    return annual ? { kind: 'annual', month, day, reason } : { kind: 'dated', date: when, reason };
  });
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;

function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'yes', 'ja'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no', 'nein'].includes(value.toLowerCase())) return false;
  throw new ConfigError(`${name} muss true oder false sein, nicht „${value}“.`);
}

function parsePort(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(
      `${name} muss eine Portnummer zwischen 0 und 65535 sein, nicht „${value}“.`,
    );
  }
  return port;
}

/** Whole seconds up to a day; a day-old figure is no longer "live". */
function parseSeconds(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const seconds = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || seconds > 86_400) {
    throw new ConfigError(
      `${name} muss eine ganze Zahl von Sekunden zwischen 0 und 86400 sein, nicht „${value}“.`,
    );
  }
  return seconds;
}

function parseUrl(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  try {
    return new URL(value).toString();
  } catch {
    throw new ConfigError(`${name} ist keine gültige URL.`);
  }
}

function parseHost(value: string | undefined): string {
  if (value === undefined || value === '') return '127.0.0.1';
  if (
    isIP(value) === 0 &&
    !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(value)
  ) {
    throw new ConfigError(`HOST muss eine IP-Adresse oder ein Rechnername sein, nicht „${value}“.`);
  }
  return value;
}

/** TRUSTED_PROXIES="10.0.0.5,192.168.10.0/24,::1": addresses or CIDR ranges, comma-separated. */
function parseTrustedProxies(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [];
  return value.split(',').map((entry) => {
    const item = entry.trim();
    const [address = '', bits, ...rest] = item.split('/');
    const family = isIP(address);
    const maxBits = family === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
    if (family === 0 || !bitsOk || rest.length > 0) {
      throw new ConfigError(
        `TRUSTED_PROXIES: „${item}“ ist keine IP-Adresse und kein Adressbereich (z. B. 10.0.0.5 oder 10.0.0.0/8).`,
      );
    }
    return item;
  });
}

/** A cookie-signing secret that survives restarts: COOKIE_SECRET, or one kept in the data dir. */
export function resolveCookieSecret(config: Config): string {
  if (config.cookieSecret) return config.cookieSecret;
  const dataDir = config.dataDir;
  const file = path.join(dataDir, 'cookie-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = parsePort('PORT', env.PORT, 3000);
  const host = parseHost(env.HOST);
  const dataDir = path.resolve(env.DATA_DIR || 'var');
  const publicUrl = parseUrl('PUBLIC_URL', env.PUBLIC_URL) ?? `http://localhost:${port}/`;
  const logLevel = (env.LOG_LEVEL || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL muss einer von ${LOG_LEVELS.join(', ')} sein.`);
  }
  if (env.COOKIE_SECRET && env.COOKIE_SECRET.length < 32) {
    throw new ConfigError('COOKIE_SECRET muss mindestens 32 Zeichen lang sein.');
  }
  const demoClock = parseDemoClock(env);
  const databaseUrl = parseUrl('DATABASE_URL', env.DATABASE_URL);
  if (databaseUrl && !/^postgres(ql)?:/.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL muss mit postgres:// oder postgresql:// beginnen.');
  }
  return Object.freeze({
    host,
    port,
    publicUrl: publicUrl.replace(/\/?$/, '/'),
    trustedProxies: Object.freeze(parseTrustedProxies(env.TRUSTED_PROXIES)),
    dataDir,
    databaseUrl,
    smtpUrl: parseUrl('SMTP_URL', env.SMTP_URL),
    mailFrom: env.MAIL_FROM || 'Industrieland <noreply@industrieland.localhost>',
    cookieSecret: env.COOKIE_SECRET || undefined,
    officeClosedDays: Object.freeze(parseOfficeClosedDays(env.OFFICE_CLOSED_DAYS)),
    secureCookies: parseBoolean(
      'SECURE_COOKIES',
      env.SECURE_COOKIES,
      publicUrl.startsWith('https:'),
    ),
    seedDemo: parseBoolean('SEED_DEMO', env.SEED_DEMO, true),
    logLevel,
    startWorker: parseBoolean('START_WORKER', env.START_WORKER, true),
    embeddedFsyncOff: parseBoolean('EMBEDDED_PG_FSYNC_OFF', env.EMBEDDED_PG_FSYNC_OFF, false),
    filesDir: path.join(dataDir, 'files'),
    participation: parseParticipation(env),
    demoInstance: demoClock.demoInstance,
    demoClockOffsetDays: demoClock.offsetDays,
    dashboardCacheSeconds: parseSeconds(
      'DASHBOARD_CACHE_SECONDS',
      env.DASHBOARD_CACHE_SECONDS,
      300,
    ),
  });
}
