import { resolveDb, type DbSource } from '../db/db-source.ts';
import type { Db } from '../db/database.ts';
import { parseCliOptions } from '../platform/cli-args.ts';
import { referenceLabel } from './reference.ts';

const CALL =
  'Aufruf: npx industrieland procedures list [--state <Schritt>] [--type <Verfahrensart>] [--open] [--json]';
const USAGE = `${CALL}

  --state  nur Verfahren in diesem Schritt (z. B. draft, submitted, participation)
  --type   nur Verfahren dieser Art (z. B. bimschg-simplified, bimschg-formal)
  --open   nur laufende (nicht abgeschlossene) Verfahren
  --json   Ausgabe als JSON`;

export interface ListedProcedure {
  id: string;
  reference: string;
  title: string;
  type: string;
  typeVersion: string;
  state: string;
  closed: boolean;
  authority: string;
}

/** Every procedure of every authority (the operator's view; the CLI runs with database access). */
export async function listAllProcedures(
  db: Db,
  filter: { state?: string; type?: string; openOnly?: boolean },
): Promise<ListedProcedure[]> {
  let query = db
    .selectFrom('procedures as p')
    .innerJoin('organisations as o', 'o.id', 'p.tenant_id')
    .select([
      'p.id',
      'p.reference',
      'p.title',
      'p.type_key',
      'p.type_version',
      'p.step',
      'p.closed_at',
      'o.name as authority',
    ])
    .orderBy('o.name')
    .orderBy('p.reference');
  if (filter.state) query = query.where('p.step', '=', filter.state);
  if (filter.type) query = query.where('p.type_key', '=', filter.type);
  if (filter.openOnly) query = query.where('p.closed_at', 'is', null);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    reference: referenceLabel(r.reference),
    title: r.title,
    type: r.type_key,
    typeVersion: r.type_version,
    state: r.step,
    closed: r.closed_at !== null,
    authority: r.authority,
  }));
}

/**
 * `industrieland procedures list`: the procedures with id, Aktenzeichen, type, state and
 * authority, so that other commands (objections import/groups, verify-case) can be given an id.
 * Exit codes: 0 ok (also when nothing matches), 2 bad usage.
 */
export async function runProcedureList(
  source: DbSource,
  args: string[],
  out: (line: string) => void,
  err: (line: string) => void = out,
): Promise<number> {
  const parsed = parseCliOptions(
    args,
    {
      state: { type: 'string' },
      type: { type: 'string' },
      open: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    { usage: USAGE, hint: CALL },
    { out, err },
  );
  if ('exitCode' in parsed) return parsed.exitCode;
  const { values } = parsed;
  const procedures = await listAllProcedures(await resolveDb(source), {
    state: values.state?.trim() || undefined,
    type: values.type?.trim() || undefined,
    openOnly: values.open,
  });
  if (values.json) {
    out(JSON.stringify(procedures, null, 2));
    return 0;
  }
  if (procedures.length === 0) {
    out(
      values.state || values.type || values.open
        ? 'Keine Verfahren zu diesen Angaben.'
        : 'Es gibt noch keine Verfahren.',
    );
    return 0;
  }
  const stateOf = (p: ListedProcedure) => (p.closed ? `${p.state} (abgeschlossen)` : p.state);
  const width = Math.max(12, ...procedures.map((p) => p.reference.length));
  const typeWidth = Math.max(3, ...procedures.map((p) => p.type.length));
  const stateWidth = Math.max(7, ...procedures.map((p) => stateOf(p).length));
  out(
    `${'ID'.padEnd(36)}  ${'Aktenzeichen'.padEnd(width)}  ${'Art'.padEnd(typeWidth)}  ${'Schritt'.padEnd(stateWidth)}  Behörde`,
  );
  for (const p of procedures) {
    const state = stateOf(p);
    out(
      `${p.id}  ${p.reference.padEnd(width)}  ${p.type.padEnd(typeWidth)}  ${state.padEnd(stateWidth)}  ${p.authority}`,
    );
  }
  out(`${procedures.length} Verfahren.`);
  return 0;
}
