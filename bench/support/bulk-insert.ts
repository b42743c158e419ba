import type { ClientBase } from 'pg';

/** One value of a bulk-inserted row; JSON columns take their text, timestamps an ISO string. */
export type Cell = string | number | boolean | null;

/**
 * Rows collected column by column and written with ONE statement:
 * `insert … select * from unnest($1::uuid[], $2::int[], …)`. Each column travels as a single
 * array parameter, so a batch of 25,000 rows needs ten parameters instead of 250,000 (the
 * protocol allows 65,535), and PostgreSQL parses it almost as fast as COPY — without needing
 * pg-copy-streams.
 */
export class ColumnBatch {
  private readonly columns: Cell[][];
  private count = 0;

  constructor(
    readonly table: string,
    private readonly spec: readonly (readonly [column: string, pgType: string])[],
  ) {
    this.columns = spec.map(() => []);
  }

  get rows(): number {
    return this.count;
  }

  push(...cells: Cell[]): void {
    if (cells.length !== this.spec.length) {
      throw new Error(`${this.table}: ${cells.length} values for ${this.spec.length} columns`);
    }
    for (const [index, cell] of cells.entries()) this.columns[index]!.push(cell);
    this.count++;
  }

  async insert(client: ClientBase): Promise<number> {
    if (this.count === 0) return 0;
    const names = this.spec.map(([column]) => column).join(', ');
    const arrays = this.spec.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ');
    await client.query(
      `insert into ${this.table} (${names}) select * from unnest(${arrays})`,
      this.columns,
    );
    return this.count;
  }
}

export interface Batches {
  procedures: ColumnBatch;
  events: ColumnBatch;
  deadlines: ColumnBatch;
  agencies: ColumnBatch;
  documents: ColumnBatch;
}

export function newBatches(): Batches {
  return {
    procedures: new ColumnBatch('procedures', [
      ['id', 'uuid'],
      ['tenant_id', 'uuid'],
      ['applicant_org_id', 'uuid'],
      ['reference', 'text'],
      ['title', 'text'],
      ['type_key', 'text'],
      ['type_version', 'text'],
      ['step', 'text'],
      ['state', 'jsonb'],
      ['event_count', 'int4'],
      ['last_hash', 'text'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
      ['application', 'jsonb'],
      ['submitted_at', 'timestamptz'],
      ['closed_at', 'timestamptz'],
    ]),
    events: new ColumnBatch('procedure_events', [
      ['procedure_id', 'uuid'],
      ['seq', 'int4'],
      ['tenant_id', 'uuid'],
      ['at', 'timestamptz'],
      ['actor_id', 'uuid'],
      ['actor_role', 'text'],
      ['type', 'text'],
      ['data', 'jsonb'],
      ['prev_hash', 'text'],
      ['hash', 'text'],
    ]),
    deadlines: new ColumnBatch('procedure_deadlines', [
      ['procedure_id', 'uuid'],
      ['key', 'text'],
      ['tenant_id', 'uuid'],
      ['label', 'text'],
      ['start_date', 'date'],
      ['end_date', 'date'],
      ['status', 'text'],
      ['responsible', 'text'],
      ['effect_on_expiry', 'text'],
      ['rationale', 'text'],
      ['citations', 'jsonb'],
    ]),
    agencies: new ColumnBatch('procedure_agencies', [
      ['procedure_id', 'uuid'],
      ['agency_org_id', 'uuid'],
      ['tenant_id', 'uuid'],
      ['asked_at', 'timestamptz'],
      ['due_date', 'date'],
      ['status', 'text'],
      ['statement', 'text'],
      ['answered_at', 'timestamptz'],
      ['answered_by', 'uuid'],
    ]),
    documents: new ColumnBatch('documents', [
      ['id', 'uuid'],
      ['procedure_id', 'uuid'],
      ['tenant_id', 'uuid'],
      ['doc_type', 'text'],
      ['filename', 'text'],
      ['media_type', 'text'],
      ['sha256', 'text'],
      ['size', 'int8'],
      ['trade_secret', 'bool'],
      ['uploaded_by', 'uuid'],
      ['uploaded_at', 'timestamptz'],
    ]),
  };
}

/** Writes a batch in foreign-key order (procedures first) on one connection. */
export async function insertBatches(
  client: ClientBase,
  batches: Batches,
): Promise<Record<keyof Batches, number>> {
  return {
    procedures: await batches.procedures.insert(client),
    events: await batches.events.insert(client),
    deadlines: await batches.deadlines.insert(client),
    agencies: await batches.agencies.insert(client),
    documents: await batches.documents.insert(client),
  };
}
