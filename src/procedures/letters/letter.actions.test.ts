import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { pdfPlainText } from '../../../test/helpers/pdf-text-embedded.ts';
import { loadConfig } from '../../config.ts';
import { fixedClock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { createDirectoryStore, type FileStore } from '../../platform/storage.ts';
import { verifyCaseFile } from '../audit.queries.ts';
import { FROZEN_MESSAGE } from './letter.access.ts';
import { draftLetter, requestSignOff, returnToDrafter, reviseLetter } from './letter.actions.ts';
import { deliverLetter, letterPdf, signOff } from './letter.signing.ts';
import { type LetterDeps } from './letter.work.ts';
import { findLetter, listLetters } from './letter.queries.ts';
import { seedLetterWorld, TEST_TYPE, testBuilder, type LetterWorld } from './letter.testkit.ts';

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  assert.fail('erwartete eine Ablehnung');
}

async function readBody(body: Buffer | NodeJS.ReadableStream): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('letters: drafting, sign-off by a second person, freeze and new versions', () => {
  let database: TestDatabase;
  let world: LetterWorld;
  let deps: LetterDeps;
  let filesDir: string;
  const clock = fixedClock(new Date('2026-12-03T09:00:00Z'));

  before(async () => {
    database = await createTestDatabase();
    world = await seedLetterWorld(database.db);
    filesDir = mkdtempSync(path.join(tmpdir(), 'letters-'));
    const store: FileStore = createDirectoryStore(filesDir);
    deps = {
      db: database.db,
      clock,
      store,
      config: loadConfig({ DATA_DIR: filesDir, LOG_LEVEL: 'silent', SEED_DEMO: 'false' }),
      builders: { [TEST_TYPE]: testBuilder },
      loadProfile: world.loadProfile,
    };
  });
  after(async () => database.drop());

  const base = () => ({ deps, procedureId: world.procedureId });
  const u = () => world.users;

  async function eventTypes(): Promise<string[]> {
    const rows = await database.db
      .selectFrom('procedure_events')
      .select('type')
      .where('procedure_id', '=', world.procedureId)
      .orderBy('seq')
      .execute();
    return rows.map((r) => r.type);
  }

  let decisionId: string;

  it('drafts a letter; a second draft of the same kind replaces the unsent one', async () => {
    decisionId = await draftLetter({ ...base(), actor: u().drafter.actor, kind: 'decision' });
    const again = await draftLetter({ ...base(), actor: u().drafter2.actor, kind: 'decision' });
    assert.equal(again, decisionId);
    const letters = await listLetters(database.db, world.procedureId);
    assert.equal(letters.length, 1);
    assert.equal(letters[0]!.draftedBy, u().drafter2.id);
    assert.deepEqual(await eventTypes(), ['letter-drafted', 'letter-drafted']);
  });

  it('refuses drafting to the applicant (403), the agency and the other authority (404)', async () => {
    const asApplicant = await refusal(
      draftLetter({ ...base(), actor: u().applicant.actor, kind: 'receipt' }),
    );
    assert.equal(asApplicant.code, 'forbidden');
    for (const who of ['agency', 'otherSupervisor'] as const) {
      const error = await refusal(
        draftLetter({ ...base(), actor: u()[who].actor, kind: 'receipt' }),
      );
      assert.equal(error.code, 'not_found', who);
    }
  });

  it('submission for sign-off needs an active signatory of the authority', async () => {
    const inactive = await refusal(
      requestSignOff({
        ...base(),
        actor: u().drafter2.actor,
        letterId: decisionId,
        signatoryId: 'sig-3',
      }),
    );
    assert.equal(inactive.code, 'validation');
    assert.equal(inactive.fieldErrors[0]?.field, 'signatoryId');
    const letter = await findLetter(database.db, world.procedureId, decisionId);
    assert.equal(letter?.status, 'draft');
    await requestSignOff({
      ...base(),
      actor: u().drafter2.actor,
      letterId: decisionId,
      signatoryId: 'sig-1',
    });
    const mails = await database.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject'])
      .where('subject', 'like', 'Zur Zeichnung%')
      .execute();
    assert.deepEqual(mails.map((m) => m.to_address).sort(), [
      'beides@lippe.test',
      'leitung@lippe.test',
    ]);
  });

  it('the preview is the exact PDF sign-off files on the same day with the chosen signatory', async () => {
    const preview = await letterPdf({ ...base(), actor: u().drafter.actor, letterId: decisionId });
    assert.equal(preview.sha256, null);
    const text = await pdfPlainText(await readBody(preview.body));
    assert.match(text, /Dr\. Petra Zeichner/);
    assert.match(text, /Im Auftrag/);
    // The applicant never sees a draft, not even its PDF.
    const hidden = await refusal(
      letterPdf({ ...base(), actor: u().applicant.actor, letterId: decisionId }),
    );
    assert.equal(hidden.code, 'not_found');
  });

  it('refuses sign-off by a case worker, by the drafter who is also a supervisor, and by another authority', async () => {
    const caseWorker = await refusal(
      signOff({ ...base(), actor: u().drafter.actor, letterId: decisionId }),
    );
    assert.equal(caseWorker.code, 'forbidden');
    assert.match(caseWorker.message, /zweite Person/);
    const other = await refusal(
      signOff({ ...base(), actor: u().otherSupervisor.actor, letterId: decisionId }),
    );
    assert.equal(other.code, 'not_found');
    // The dual-role person drafts anew (replacing the draft) and submits; then may not sign.
    await draftLetter({ ...base(), actor: u().dual.actor, kind: 'decision' });
    await requestSignOff({
      ...base(),
      actor: u().dual.actor,
      letterId: decisionId,
      signatoryId: 'sig-1',
    });
    const self = await refusal(signOff({ ...base(), actor: u().dual.actor, letterId: decisionId }));
    assert.equal(self.code, 'forbidden');
    const letter = await findLetter(database.db, world.procedureId, decisionId);
    assert.equal(letter?.status, 'in-review');
    assert.equal(letter?.pdfSha256, null);
    assert.deepEqual(
      readdirSync(path.join(filesDir, 'tmp')),
      [],
      'nichts bleibt im Zwischenspeicher',
    );
  });

  it('returns a draft with a comment; an empty comment is refused', async () => {
    const empty = await refusal(
      returnToDrafter({
        ...base(),
        actor: u().supervisor.actor,
        letterId: decisionId,
        comment: '  ',
      }),
    );
    assert.equal(empty.code, 'validation');
    await returnToDrafter({
      ...base(),
      actor: u().supervisor.actor,
      letterId: decisionId,
      comment: 'Bitte die Nebenbestimmung 2 präzisieren.',
    });
    const letter = await findLetter(database.db, world.procedureId, decisionId);
    assert.equal(letter?.status, 'draft');
    assert.equal(letter?.reviewerComment, 'Bitte die Nebenbestimmung 2 präzisieren.');
  });

  let signedHash: string;

  it('a supervisor of the authority signs: PDF filed, letter frozen, hash in the chain', async () => {
    await requestSignOff({
      ...base(),
      actor: u().drafter.actor,
      letterId: decisionId,
      signatoryId: 'sig-1',
    });
    // The drafter of record is now the dual-role person (last redraft); the supervisor signs.
    const preview = await letterPdf({
      ...base(),
      actor: u().supervisor.actor,
      letterId: decisionId,
    });
    const previewBytes = await readBody(preview.body);
    const { sha256 } = await signOff({
      ...base(),
      actor: u().supervisor.actor,
      letterId: decisionId,
    });
    signedHash = sha256;
    const letter = await findLetter(database.db, world.procedureId, decisionId);
    assert.equal(letter?.status, 'signed');
    assert.equal(letter?.letterDate, '2026-12-03');
    assert.equal(letter?.pdfSha256, sha256);
    assert.ok(deps.store.has(sha256));
    // Preview and signed PDF are byte-identical (same content, day and signatory).
    const signed = await letterPdf({ ...base(), actor: u().drafter.actor, letterId: decisionId });
    const signedBytes = await readBody(signed.body);
    assert.ok(previewBytes.equals(signedBytes), 'Vorschau = gezeichnetes PDF');
    const document = await database.db
      .selectFrom('documents')
      .selectAll()
      .where('procedure_id', '=', world.procedureId)
      .executeTakeFirstOrThrow();
    assert.equal(document.doc_type, 'letter-decision');
    assert.equal(document.sha256, sha256);
    const event = await database.db
      .selectFrom('procedure_events')
      .select(['type', 'data', 'actor_role'])
      .where('procedure_id', '=', world.procedureId)
      .where('type', '=', 'letter-signed')
      .executeTakeFirstOrThrow();
    assert.deepEqual(event.data, { letterId: decisionId, kind: 'decision', version: 1, sha256 });
    assert.equal(event.actor_role, 'supervisor');
    const verified = await verifyCaseFile(database.db, world.procedureId);
    assert.equal(verified?.problem, undefined);
  });

  it('refuses any change to the signed letter: the app with 409, the database trigger too', async () => {
    const attempts = [
      () => draftLetter({ ...base(), actor: u().drafter.actor, kind: 'decision' }),
      () =>
        requestSignOff({
          ...base(),
          actor: u().drafter.actor,
          letterId: decisionId,
          signatoryId: 'sig-2',
        }),
      () =>
        returnToDrafter({
          ...base(),
          actor: u().supervisor.actor,
          letterId: decisionId,
          comment: 'x',
        }),
      () => signOff({ ...base(), actor: u().supervisor.actor, letterId: decisionId }),
    ];
    for (const attempt of attempts) {
      const error = await refusal(attempt());
      assert.equal(error.code, 'conflict');
      assert.equal(error.message, FROZEN_MESSAGE);
    }
    const direct = [
      sql`update letters set content = '{"kind":"decision"}'::jsonb where id = ${decisionId}`,
      sql`update letters set pdf_sha256 = repeat('0', 64) where id = ${decisionId}`,
      sql`update letters set signatory_id = 'sig-2' where id = ${decisionId}`,
      sql`update letters set status = 'draft' where id = ${decisionId}`,
      sql`delete from letters where id = ${decisionId}`,
    ];
    for (const statement of direct) {
      await assert.rejects(statement.execute(database.db), /gezeichnet/);
    }
    const letter = await findLetter(database.db, world.procedureId, decisionId);
    assert.equal(letter?.status, 'signed');
    assert.equal(letter?.pdfSha256, signedHash);
  });

  it('delivers: the applicant sees it and gets a mail with the link; a second delivery is refused', async () => {
    const before = await refusal(
      letterPdf({ ...base(), actor: u().applicant.actor, letterId: decisionId }),
    );
    assert.equal(before.code, 'not_found', 'vor der Zustellung sieht die Antragstellerin nichts');
    await deliverLetter({ ...base(), actor: u().drafter.actor, letterId: decisionId });
    const seen = await letterPdf({ ...base(), actor: u().applicant.actor, letterId: decisionId });
    assert.equal(seen.sha256, signedHash);
    const mail = await database.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', 'antrag@egge.test')
      .executeTakeFirstOrThrow();
    assert.match(
      mail.link ?? '',
      new RegExp(`verfahren/${world.procedureId}/schreiben/${decisionId}$`),
    );
    const twice = await refusal(
      deliverLetter({ ...base(), actor: u().drafter.actor, letterId: decisionId }),
    );
    assert.equal(twice.code, 'conflict');
    const agency = await refusal(
      letterPdf({ ...base(), actor: u().agency.actor, letterId: decisionId }),
    );
    assert.equal(agency.code, 'not_found');
  });

  it('a new version needs a reason, supersedes the old one on sign-off and the chain verifies', async () => {
    const noReason = await refusal(
      reviseLetter({ ...base(), actor: u().drafter.actor, letterId: decisionId, reason: ' ' }),
    );
    assert.equal(noReason.code, 'validation');
    const v2 = await reviseLetter({
      ...base(),
      actor: u().drafter.actor,
      letterId: decisionId,
      reason: 'Schreibfehler in der Anschrift berichtigt (§ 42 VwVfG).',
    });
    const second = await refusal(
      reviseLetter({
        ...base(),
        actor: u().drafter.actor,
        letterId: decisionId,
        reason: 'Noch einmal.',
      }),
    );
    assert.equal(second.code, 'conflict');
    let old = await findLetter(database.db, world.procedureId, decisionId);
    assert.equal(old?.status, 'delivered', 'die alte Fassung gilt, bis die neue gezeichnet ist');
    await requestSignOff({
      ...base(),
      actor: u().drafter.actor,
      letterId: v2,
      signatoryId: 'sig-2',
    });
    clock.advance(24 * 3600 * 1000);
    await signOff({ ...base(), actor: u().supervisor.actor, letterId: v2 });
    const fresh = await findLetter(database.db, world.procedureId, v2);
    old = await findLetter(database.db, world.procedureId, decisionId);
    assert.equal(fresh?.version, 2);
    assert.equal(fresh?.supersedesId, decisionId);
    assert.equal(fresh?.status, 'signed');
    assert.equal(old?.status, 'superseded');
    assert.equal(old?.pdfSha256, signedHash);
    const types = await eventTypes();
    assert.deepEqual(types.slice(-3), [
      'letter-revised',
      'letter-review-requested',
      'letter-signed',
    ]);
    const verified = await verifyCaseFile(database.db, world.procedureId);
    assert.equal(verified?.problem, undefined);
    assert.equal(verified?.events, types.length);
  });

  it('a repeatable kind starts a new letter after delivery; a unique kind asks for a new version', async () => {
    const first = await draftLetter({
      ...base(),
      actor: u().drafter.actor,
      kind: 'missing-documents',
    });
    await requestSignOff({
      ...base(),
      actor: u().drafter.actor,
      letterId: first,
      signatoryId: 'sig-1',
    });
    await signOff({ ...base(), actor: u().supervisor.actor, letterId: first });
    const secondRequest = await draftLetter({
      ...base(),
      actor: u().drafter.actor,
      kind: 'missing-documents',
    });
    assert.notEqual(secondRequest, first);
    const row = await findLetter(database.db, world.procedureId, secondRequest);
    assert.equal(row?.series, 2);
    assert.equal(row?.version, 1);
  });
});
