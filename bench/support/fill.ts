import type { ClientBase } from 'pg';
import { insertBatches, newBatches, type Batches } from './bulk-insert.ts';
import { createOrganisations } from './organisations.ts';
import { generateProcedure, type GeneratorContext } from './procedure-generator.ts';
import type { Random } from './random.ts';

export interface FillOptions {
  procedures: number;
  events: number;
  /** Share of all procedures held by Kreis Paderborn (the demo case worker's authority). */
  paderbornShare: number;
  /** Share held by Bezirksregierung Münster (the second demo authority, a heavier tenant). */
  brmsShare: number;
  /** Procedures per bulk batch (about 50 events each). */
  batchSize: number;
  random: Random;
  now: Date;
  today: string;
  log: (line: string) => void;
}

export interface TenantSample {
  id: string;
  procedures: number;
  open: number;
  /** Procedure ids of the tenant, for the case-page requests. */
  ids: string[];
}

export interface FillResult {
  rows: Record<keyof Batches, number>;
  authorities: number;
  paderborn: TenantSample;
  brms: TenantSample;
  seconds: number;
}

/** Splits `total` by weights into integers that add up exactly (largest remainder). */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let missing = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0]);
  for (const [, index] of byRemainder) {
    if (missing-- <= 0) break;
    counts[index]!++;
  }
  return counts;
}

/**
 * Event counts per procedure: on average events/procedures, varied ±60 % in pairs so that the
 * total is exact (a pair gets base+d and base−d).
 */
function eventCounts(procedures: number, events: number, random: Random): number[] {
  const base = Math.floor(events / procedures);
  let remainder = events - base * procedures;
  const counts: number[] = [];
  for (let i = 0; i < procedures; i += 2) {
    const d = i + 1 < procedures ? random.int(0, Math.floor(base * 0.6)) : 0;
    counts.push(base + d);
    if (i + 1 < procedures) counts.push(base - d);
  }
  for (let i = 0; remainder > 0; i = (i + 1) % procedures, remainder--) counts[i]!++;
  return counts;
}

/**
 * Fills the migrated, demo-seeded database. Batches are generated in Node (hashing the audit
 * chains) while PostgreSQL writes the previous batch, which keeps both cores busy.
 */
export async function fillDatabase(client: ClientBase, options: FillOptions): Promise<FillResult> {
  const started = performance.now();
  const { random } = options;
  const orgs = await createOrganisations(client, 200);
  const authorityIds = [orgs.paderbornId, orgs.brmsId, ...orgs.generatedAuthorityIds];
  const paderborn = Math.round(options.procedures * options.paderbornShare);
  const brms = Math.round(options.procedures * options.brmsShare);
  const others = apportion(
    options.procedures - paderborn - brms,
    orgs.generatedAuthorityIds.map(() => 0.4 + random.next() * 1.2),
  );
  const tenants = random.shuffle(
    [paderborn, brms, ...others].flatMap((count, index) =>
      Array.from({ length: count }, () => authorityIds[index]!),
    ),
  );
  const counts = eventCounts(options.procedures, options.events, random);
  const references = new Map<string, number>();
  const samples = new Map<string, TenantSample>([
    [orgs.paderbornId, { id: orgs.paderbornId, procedures: 0, open: 0, ids: [] }],
    [orgs.brmsId, { id: orgs.brmsId, procedures: 0, open: 0, ids: [] }],
  ]);
  const ctx: GeneratorContext = {
    random,
    now: options.now,
    today: options.today,
    agencyIds: orgs.agencyIds,
    demoUserOf: orgs.demoUserOf,
  };
  const rows: Record<keyof Batches, number> = {
    procedures: 0,
    events: 0,
    deadlines: 0,
    agencies: 0,
    documents: 0,
  };
  let pending: Promise<Record<keyof Batches, number>> | undefined;
  const settle = async () => {
    if (!pending) return;
    const written = await pending;
    for (const key of Object.keys(rows) as (keyof Batches)[]) rows[key] += written[key];
  };
  for (let start = 0; start < options.procedures; start += options.batchSize) {
    const batches = newBatches();
    for (let i = start; i < Math.min(start + options.batchSize, options.procedures); i++) {
      const tenantId = tenants[i]!;
      const n = (references.get(tenantId) ?? 0) + 1;
      references.set(tenantId, n);
      const applicantOrgId = random.chance(0.03) ? orgs.windparkId : random.pick(orgs.companyIds);
      const created = generateProcedure(
        ctx,
        {
          tenantId,
          applicantOrgId,
          reference: `BImSchG-${String(n).padStart(5, '0')}`,
          eventCount: counts[i]!,
        },
        batches,
      );
      const sample = samples.get(tenantId);
      if (sample) {
        sample.procedures++;
        if (created.open) sample.open++;
        sample.ids.push(created.id);
      }
    }
    await settle();
    pending = insertBatches(client, batches);
    // Awaited in settle(); this only keeps a failure during generation from going unhandled.
    pending.catch(() => undefined);
    if ((start / options.batchSize) % 10 === 0) {
      options.log(
        `  … ${start + batches.procedures.rows} / ${options.procedures} Verfahren erzeugt`,
      );
    }
  }
  await settle();
  return {
    rows,
    authorities: authorityIds.length,
    paderborn: samples.get(orgs.paderbornId)!,
    brms: samples.get(orgs.brmsId)!,
    seconds: (performance.now() - started) / 1000,
  };
}
