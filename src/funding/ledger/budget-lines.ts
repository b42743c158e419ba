/** Budget lines (Haushaltsstellen) of a funding body: create and list with their balances. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { fundingProgrammeVersions } from '../../law/funding/index.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import type { LineBalance } from './ledger.actions.ts';

type Db = Kysely<Database>;

export interface BudgetLine extends LineBalance {
  id: string;
  programmeId: string;
  programmeTitle: string;
  budgetLine: string;
  year: number;
  label: string | null;
}

export interface BudgetLineInput {
  programmeId: string;
  budgetLine: string;
  year: string;
  label: string;
  /** The call this line funds: 'single' (default) or 'two-stage-competitive'. */
  callMode?: string;
  /** Last day applications are accepted (ISO); empty: until the end of the year. */
  callOpenUntil?: string;
}

/** The programmes a line can be kept for: those of the law layer, by id, once each. */
export function programmeChoices(): { value: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const v of fundingProgrammeVersions) {
    if (!seen.has(v.programmeId)) seen.set(v.programmeId, v.shortTitle);
  }
  return [...seen].map(([value, label]) => ({ value, label }));
}

export function programmeTitle(programmeId: string): string {
  return programmeChoices().find((p) => p.value === programmeId)?.label ?? programmeId;
}

const BUDGET_LINE = /^[0-9A-Za-z][0-9A-Za-z./ -]{1,38}[0-9A-Za-z]$/;

export async function createBudgetLine(options: {
  db: Db;
  tenantId: string;
  userId: string | null;
  input: BudgetLineInput;
}): Promise<string> {
  const { input } = options;
  const errors: FieldError[] = [];
  const programmeId = input.programmeId.trim();
  if (!programmeChoices().some((p) => p.value === programmeId)) {
    errors.push({ field: 'programmeId', message: 'Wählen Sie ein Förderprogramm aus der Liste.' });
  }
  const budgetLine = input.budgetLine.trim().replace(/\s+/g, ' ');
  if (!BUDGET_LINE.test(budgetLine)) {
    errors.push({
      field: 'budgetLine',
      message:
        'Geben Sie die Haushaltsstelle mit 3 bis 40 Zeichen an (Ziffern, Buchstaben, Punkt, Schrägstrich, Bindestrich), z. B. 0710/686 10.',
    });
  }
  const year = /^\d{4}$/.test(input.year.trim()) ? Number(input.year.trim()) : NaN;
  if (!(year >= 2000 && year <= 2200)) {
    errors.push({
      field: 'year',
      message: 'Geben Sie das Haushaltsjahr vierstellig an, z. B. 2027.',
    });
  }
  const label = input.label.trim();
  if (label.length > 200) {
    errors.push({ field: 'label', message: 'Die Bezeichnung darf höchstens 200 Zeichen haben.' });
  }
  const callMode = (input.callMode ?? 'single').trim() || 'single';
  if (callMode !== 'single' && callMode !== 'two-stage-competitive') {
    errors.push({
      field: 'callMode',
      message: 'Wählen Sie die Art des Förderaufrufs aus der Liste.',
    });
  }
  const until = (input.callOpenUntil ?? '').trim();
  if (until !== '' && (!/^\d{4}-\d{2}-\d{2}$/.test(until) || Number.isNaN(Date.parse(until)))) {
    errors.push({
      field: 'callOpenUntil',
      message: 'Geben Sie das Ende der Antragsfrist als Datum an.',
    });
  }
  if (errors.length > 0) throw new AppError('validation', errors[0]!.message, errors);
  const row = await options.db
    .insertInto('funding_budget_lines')
    .values({
      tenant_id: options.tenantId,
      programme_id: programmeId,
      budget_line: budgetLine,
      year,
      label: label === '' ? null : label,
      created_by: options.userId,
      call_mode: callMode as 'single' | 'two-stage-competitive',
      call_open_until: until === '' ? null : until,
    })
    .onConflict((oc) => oc.constraint('funding_budget_lines_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) {
    const message = `Die Haushaltsstelle ${budgetLine} gibt es für dieses Programm und das Jahr ${year} schon.`;
    throw new AppError('validation', message, [{ field: 'budgetLine', message }]);
  }
  return row.id;
}

export async function listBudgetLines(db: Db, tenantId: string): Promise<BudgetLine[]> {
  const rows = await db
    .selectFrom('funding_budget_lines')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('year', 'desc')
    .orderBy('programme_id')
    .orderBy('budget_line')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    programmeId: r.programme_id,
    programmeTitle: programmeTitle(r.programme_id),
    budgetLine: r.budget_line,
    year: r.year,
    label: r.label,
    appropriatedCents: r.appropriated_cents,
    committedCents: r.committed_cents,
    paidCents: r.paid_cents,
    recoveredCents: r.recovered_cents,
    availableCents: r.appropriated_cents - r.committed_cents,
  }));
}
