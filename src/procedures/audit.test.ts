import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { runCli } from '../../test/helpers/process.ts';
import { appendAuditEvent, verifyCaseFile } from './audit.queries.ts';
import { canonicalJson } from './audit-hash.ts';
import { AUDIT_HASH_VECTORS, PROCEDURE_ID } from './audit-hash.vectors.ts';

describe('hash-chained audit log', () => {
  let database: TestDatabase;
  let procedureId: string;
  let tenantId: string;

  before(async () => {
    database = await createTestDatabase();
    const org = await database.db
      .insertInto('organisations')
      .values({ name: 'Kreis Paderborn', kind: 'authority' })
      .returning('id')
      .executeTakeFirstOrThrow();
    tenantId = org.id;
    const procedure = await database.db
      .insertInto('procedures')
      .values({
        tenant_id: tenantId,
        reference: '53.0001/26',
        title: 'Windpark Test',
        type_key: 'bimschg-simplified',
        type_version: '2024-07',
        step: 'draft',
        state: JSON.stringify({}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    procedureId = procedure.id;
    for (const [index, type] of [
      'application.drafted',
      'application.submitted',
      'receipt.confirmed',
      'documents.requested',
    ].entries()) {
      await database.db.transaction().execute((trx) =>
        appendAuditEvent(trx, {
          procedureId,
          tenantId,
          at: new Date(Date.UTC(2026, 2, 1 + index, 9, 30)),
          actorId: null,
          actorRole: 'applicant',
          type,
          data: { step: index, note: 'Umlaute äöü', nested: { b: 1, a: [1, 2] } },
        }),
      );
    }
  });
  after(async () => database.drop());

  it('canonical JSON does not depend on key order', () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } }),
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
  });

  it('an untouched case file verifies', async () => {
    const result = await verifyCaseFile(database.db, procedureId);
    assert.equal(result?.events, 4);
    assert.equal(result?.problem, undefined);
    const cli = runCli(['verify-case', procedureId], {
      DATABASE_URL: database.url,
      LOG_LEVEL: 'silent',
    });
    assert.equal(await cli.exited, 0, cli.output());
    assert.match(cli.output(), /intakt \(4 Ereignisse/);
  });

  it('the database refuses to update or delete an event', async () => {
    await assert.rejects(
      sql`update procedure_events set type = 'x' where procedure_id = ${procedureId} and seq = 1`.execute(
        database.db,
      ),
      /append-only/,
    );
    await assert.rejects(
      sql`delete from procedure_events where procedure_id = ${procedureId}`.execute(database.db),
      /append-only/,
    );
  });

  it('finds the first broken link after a row was tampered with behind the trigger', async () => {
    await database.db.transaction().execute(async (trx) => {
      // a superuser can switch triggers off; the chain still catches the change
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`update procedure_events set data = jsonb_set(data, '{note}', '"geändert"') where procedure_id = ${procedureId} and seq = 2`.execute(
        trx,
      );
    });
    const result = await verifyCaseFile(database.db, procedureId);
    assert.equal(result?.problem?.seq, 2);
    assert.equal(result?.problem?.kind, 'hash');
    assert.match(result?.problem?.message ?? '', /Ereignis 2 .*verändert/);
    const cli = runCli(['verify-case', procedureId], {
      DATABASE_URL: database.url,
      LOG_LEVEL: 'silent',
    });
    assert.equal(await cli.exited, 1);
    assert.match(cli.output(), /NICHT intakt\. Erstes gebrochenes Glied: Ereignis 2\./);
  });

  it('notices events removed from the end', async () => {
    await database.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`update procedure_events set data = jsonb_set(data, '{note}', '"Umlaute äöü"') where procedure_id = ${procedureId} and seq = 2`.execute(
        trx,
      );
      await sql`delete from procedure_events where procedure_id = ${procedureId} and seq = 4`.execute(
        trx,
      );
    });
    const result = await verifyCaseFile(database.db, procedureId);
    assert.equal(result?.problem?.kind, 'gap');
    assert.equal(result?.problem?.seq, 4);
  });

  it('answers undefined for an unknown case file', async () => {
    assert.equal(
      await verifyCaseFile(database.db, '00000000-0000-4000-8000-000000000000'),
      undefined,
    );
  });
});

describe('audit chain as stored: the known-answer vectors survive PostgreSQL', () => {
  let database: TestDatabase;

  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => database.drop());

  it('appending the vector events stores exactly the recorded hashes, and the chain verifies', async () => {
    const org = await database.db
      .insertInto('organisations')
      .values({ name: 'Bezirksregierung Münster', kind: 'authority' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto('procedures')
      .values({
        id: PROCEDURE_ID,
        tenant_id: org.id,
        reference: '53.0002/26',
        title: 'Windpark Prüfvektoren',
        type_key: 'bimschg-simplified',
        type_version: '2024-07',
        step: 'draft',
        state: JSON.stringify({}),
      })
      .execute();
    for (const { event } of AUDIT_HASH_VECTORS) {
      const data = { ...(event.data as Record<string, unknown>) };
      // A caller may hand over a Date inside the data; jsonb stores its ISO string, and the hash
      // must cover what is stored, or the chain would not verify when read back.
      if (typeof data.deliveredAt === 'string') data.deliveredAt = new Date(data.deliveredAt);
      await database.db.transaction().execute((trx) =>
        appendAuditEvent(trx, {
          procedureId: event.procedureId,
          tenantId: org.id,
          at: event.at,
          actorId: event.actorId,
          actorRole: event.actorRole,
          type: event.type,
          data,
        }),
      );
    }
    const stored = await database.db
      .selectFrom('procedure_events')
      .select(['seq', 'prev_hash', 'hash'])
      .where('procedure_id', '=', PROCEDURE_ID)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      stored,
      AUDIT_HASH_VECTORS.map((v) => ({
        seq: v.event.seq,
        prev_hash: v.event.prevHash,
        hash: v.hash,
      })),
    );
    const result = await verifyCaseFile(database.db, PROCEDURE_ID);
    assert.equal(result?.events, 3);
    assert.equal(result?.problem, undefined);
  });
});
