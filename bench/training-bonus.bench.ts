/**
 * Benchmark: the training bonus as mass claims. 100,000 claims of 500 firms are checked by the
 * set-based checks (src/funding/training-bonus/training.checks.ts) in one run, then the passing
 * ones are bound on the budget line and recorded as de-minimis aid (training.funds.ts); the rate is set
 * against the raw insert rate of the same PostgreSQL in the same run (the same rows into a table
 * of the same columns without constraints, indexes or triggers). Then a payment run of 10,000
 * approved claims: pain.001 built with the sepa library, validated against the ISO 20022 schema,
 * stored, and confirmed; time and peak memory.
 * Run: `node --import tsx bench/training-bonus.bench.ts` (BENCH_CLAIMS=20000 for a trial run).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createDb, ensureDatabase } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { userActor } from '../src/platform/auth/auth.queries.ts';
import { runTrainingChecks } from '../src/funding/training-bonus/training.checks.ts';
import {
  bindWaitingClaims,
  BONUS_PROGRAMME_ID,
} from '../src/funding/training-bonus/training.funds.ts';
import { createBudgetLine } from '../src/funding/ledger/budget-lines.ts';
import { postAppropriation } from '../src/funding/ledger/ledger.actions.ts';
import {
  confirmPaymentRun,
  createPaymentRun,
} from '../src/funding/training-bonus/training.payments.ts';
import { personKey, requestedCents } from '../src/funding/training-bonus/training.rules.ts';
import { numberFrom, runBench } from './support/lifecycle.ts';

const CLAIMS = numberFrom('BENCH_CLAIMS', 100_000);
const PAYMENTS = numberFrom('BENCH_PAYMENTS', 10_000);
const FIRMS = 500;
const CHUNK = 2_000;
const lines: string[] = [];
const log = (line: string) => {
  lines.push(line);
  console.log(line);
};
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

/** Valid German IBANs (check digits by ISO 7064 mod 97) for invented account numbers. */
function germanIban(bank: string, account: string): string {
  const bban = bank + account.padStart(10, '0');
  const digits = `${bban}131400`;
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return `DE${String(98 - rest).padStart(2, '0')}${bban}`;
}

await runBench(
  async (cleanup) => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'industrieland-bench-'));
    cleanup.removeDir(tmp);
    const server = await startEmbeddedPostgres({ dataDir: tmp, fsyncOff: true });
    cleanup.add(() => server.stop());
    const url = await ensureDatabase(server.url, 'bench');
    const db = createDb(url, { max: 4 });
    cleanup.add(() => db.destroy());
    await migrateToLatest(db, url);
    await seedDemo(db);
    const body = await db
      .selectFrom('organisations')
      .select('id')
      .where('kind', '=', 'funding-body')
      .executeTakeFirstOrThrow();
    const courses = await db
      .selectFrom('training_courses')
      .select(['id', 'days'])
      .where('tenant_id', '=', body.id)
      .execute();

    // 500 firms with profiles: most SHK or refrigeration firms in NRW, some outside or of another
    // trade (they fail the firm checks and go to QA).
    const firms = await db
      .insertInto('organisations')
      .values(
        Array.from({ length: FIRMS }, (_, i) => ({
          name: `SHK-Betrieb ${i} (Benchmark)`,
          kind: 'company' as const,
        })),
      )
      .returning('id')
      .execute();
    await sql`insert into company_profile_versions (tenant_id, version, valid_from, recorded_at,
      legal_form, nace_code, seat_ags, staff_awu, figures_year, crafts_chamber_member, crafts_trade)
    select id, 1, '2025-12-31', '2026-01-05T09:00:00Z', 'gmbh', '43.22',
      case when n % 50 = 0 then '03241001' else '05958004' end, 12, 2025, true,
      case when n % 40 = 0 then 'elektro' when n % 3 = 0 then 'kaelte-klima' else 'shk' end
    from (select id, row_number() over (order by id) as n from organisations
      where id = any(${firms.map((f) => f.id)}::uuid[])) f`.execute(db);

    // 100,000 claims: 70,000 people (so some reach the cap across employers), 1 % duplicates of an
    // earlier row, 5 % fitters, one firm in 100 with a second bank account.
    const now = new Date('2026-11-24T09:00:00Z');
    const people = Math.round(CLAIMS * 0.7);
    const rows = Array.from({ length: CLAIMS }, (_, i) => {
      const source = i % 100 === 99 ? i - 17 : i;
      const firm = source % FIRMS;
      const person = (source * 7919) % people;
      const course = courses[source % courses.length]!;
      const day = 1 + (source % 28);
      const start = `2026-10-${String(day).padStart(2, '0')}`;
      const endDate = new Date(`${start}T12:00:00Z`);
      endDate.setUTCDate(endDate.getUTCDate() + course.days - 1);
      return {
        tenant_id: body.id,
        company_id: firms[firm]!.id,
        submitted_at: now,
        person_key: personKey(`Person${person}`, 'Benchmark', '1980-01-01'),
        employee_name: `Benchmark Person${person}`,
        role: source % 20 === 0 ? ('fitter' as const) : ('planner' as const),
        course_id: course.id,
        course_start: start,
        course_end: endDate.toISOString().slice(0, 10),
        training_days: course.days,
        iban: germanIban(
          '37040044',
          String(firm * (i % 100 === 50 && firm % 100 === 0 ? 7 : 1) + 1000),
        ),
        bic: null,
        account_holder: `SHK-Betrieb ${firm} (Benchmark)`,
        requested_cents: requestedCents(course.days),
        cap_cents: 150_000,
      };
    });

    // Raw insert rate: the same rows, a table of the same columns, nothing else.
    await sql`create table raw_claims (like training_claims including defaults)`.execute(db);
    await sql`alter table raw_claims alter column seq drop identity if exists, alter column seq drop not null`.execute(
      db,
    );
    const rawStart = performance.now();
    for (let i = 0; i < rows.length; i += CHUNK)
      await db
        .insertInto('raw_claims' as 'training_claims')
        .values(rows.slice(i, i + CHUNK))
        .execute();
    const rawMs = performance.now() - rawStart;

    const insertStart = performance.now();
    for (let i = 0; i < rows.length; i += CHUNK)
      await db
        .insertInto('training_claims')
        .values(rows.slice(i, i + CHUNK))
        .execute();
    const insertMs = performance.now() - insertStart;
    await sql`analyze`.execute(db);

    const checkStart = performance.now();
    const result = await db
      .transaction()
      .execute((trx) => runTrainingChecks(trx, { tenantId: body.id, now }));
    const checkMs = performance.now() - checkStart;
    // The passing claims wait for their funds: a budget line of the year with enough money, then
    // one binding (de-minimis check and record per firm, one commitment per claim on the line).
    const lineId = await createBudgetLine({
      db,
      tenantId: body.id,
      userId: null,
      input: {
        programmeId: BONUS_PROGRAMME_ID,
        budgetLine: '0710/686 70',
        year: '2026',
        label: '',
      },
    });
    await db.transaction().execute((trx) =>
      postAppropriation(trx, {
        tenantId: body.id,
        lineId,
        amountCents: 50_000_000_000,
        reason: 'Haushaltsansatz (Benchmark)',
        userId: null,
      }),
    );
    const bindStart = performance.now();
    const bound = await db
      .transaction()
      .execute((trx) => bindWaitingClaims(trx, { tenantId: body.id, now, userId: null }));
    const bindMs = performance.now() - bindStart;
    const ledger = await sql<{ people: number; over: number }>`
    select count(*)::int as people, count(*) filter (where committed_cents > cap_cents)::int as over
    from training_person_ledger`.execute(db);

    log(`# Bildungsprämie Wärmepumpe — Massenprüfung und Zahlungslauf`);
    log('');
    log(
      `Datum: ${new Date().toISOString().slice(0, 10)}; ${availableParallelism()} Kerne; eingebettetes PostgreSQL (fsync aus)`,
    );
    log('');
    log(`| Messung | Anzahl | Zeit | Rate |`);
    log(`|---|---:|---:|---:|`);
    log(
      `| Roh-Einfügen (gleiche Spalten, ohne Constraints/Indizes/Trigger) | ${CLAIMS} | ${seconds(rawMs)} s | ${rate(CLAIMS, rawMs)} Zeilen/s |`,
    );
    log(
      `| Einfügen in training_claims (mit Constraints, Indizes, Trigger) | ${CLAIMS} | ${seconds(insertMs)} s | ${rate(CLAIMS, insertMs)} Zeilen/s |`,
    );
    log(
      `| Automatische Prüfung (eine Anweisung, alle Prüfungen) | ${result.checked} | ${seconds(checkMs)} s | ${rate(result.checked, checkMs)} Anträge/s |`,
    );
    log(
      `| Bindung der Haushaltsmittel und De-minimis-Erfassung (bewilligt) | ${bound.approved} | ${seconds(bindMs)} s | ${rate(bound.approved, bindMs)} Anträge/s |`,
    );
    log('');
    log(
      `Verhältnis Prüfrate / Roh-Einfügerate: **${(rate(result.checked, checkMs) / rate(CLAIMS, rawMs)).toFixed(2)}**`,
    );
    log('');
    log(
      `Ergebnis: ${Object.entries(result.byStatus)
        .map(([k, v]) => `${k} ${v}`)
        .join(
          ', ',
        )}; gebunden und bewilligt ${bound.approved} (De-minimis gekürzt ${bound.reduced}, abgelehnt ${bound.refused}); ${ledger.rows[0]!.people} Personen im Ledger, davon über dem Höchstbetrag: ${ledger.rows[0]!.over}.`,
    );

    // Payment run: exactly PAYMENTS approved claims (the rest are set aside as refused).
    await sql`update training_claims set status = 'refused', decision_reason = 'Benchmark'
    where status = 'approved' and id not in (
      select id from training_claims where status = 'approved' order by seq limit ${PAYMENTS})`.execute(
      db,
    );
    const user = await db
      .selectFrom('users')
      .select(['id', 'email', 'display_name'])
      .where('email', '=', 'leitung.foerderung@bezreg-arnsberg.example')
      .executeTakeFirstOrThrow();
    const actor = await userActor(db, user, 'session');
    global.gc?.();
    const base = process.memoryUsage();
    let peakRss = base.rss;
    let peakHeap = base.heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 10);
    const runStart = performance.now();
    const run = await createPaymentRun({
      db,
      actor,
      month: '2026-11',
      executionDate: '2026-11-26',
      now,
    });
    const runMs = performance.now() - runStart;
    const confirmStart = performance.now();
    const confirmed = await confirmPaymentRun({ db, actor, runId: run.runId, now });
    const confirmMs = performance.now() - confirmStart;
    clearInterval(sampler);
    const size = await db
      .selectFrom('training_payment_runs')
      .select(sql<number>`octet_length(pain_xml)`.as('bytes'))
      .where('id', '=', run.runId)
      .executeTakeFirstOrThrow();
    log('');
    log(`| Zahlungslauf | Überweisungen | Zeit | Spitze RSS | Spitze Heap |`);
    log(`|---|---:|---:|---:|---:|`);
    log(
      `| erstellen (pain.001 bauen, gegen XSD prüfen, speichern) | ${run.items} | ${seconds(runMs)} s | ${mib(peakRss)} MiB (+${mib(peakRss - base.rss)}) | ${mib(peakHeap)} MiB (+${mib(peakHeap - base.heapUsed)}) |`,
    );
    log(
      `| bestätigen (als ausgezahlt buchen, Auszahlungen im Haushalt) | ${confirmed.paid} | ${seconds(confirmMs)} s | | |`,
    );
    log('');
    log(
      `Datei: ${(size.bytes / 1024 / 1024).toFixed(1)} MiB, Summe ${(run.totalCents / 100).toLocaleString('de-DE')} €.`,
    );

    const dir = path.join(import.meta.dirname, 'results');
    mkdirSync(dir, { recursive: true });
    const suffix = CLAIMS === 100_000 && PAYMENTS === 10_000 ? '' : '-custom';
    writeFileSync(
      path.join(dir, `training-bonus-${new Date().toISOString().slice(0, 10)}${suffix}.md`),
      lines.join('\n') + '\n',
    );
  },
  numberFrom('BENCH_TIMEOUT_MINUTES', 20),
);
