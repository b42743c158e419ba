import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, fixedClock, type TestApp } from '../helpers/app.ts';
import { addDays } from '../helpers/participation.ts';
import { apiAs, applicationBody, DEMO_PROJECTS, orgId } from '../helpers/permits.ts';
import { changedTables, SESSION_BOOKKEEPING, snapshotTables } from '../helpers/snapshot.ts';
import { compressedPdfText } from '../helpers/pdf-text.ts';

/**
 * The public notice takes the authority's data from its master data (§ 10 Abs. 4 Nr. 2 BImSchG:
 * where objections can be raised; § 10 Abs. 3 BImSchG: where the documents can be inspected),
 * and is not published while that data is missing; the authority's mails end with its contact
 * block.
 */
describe('notice and mails from the authority master data', () => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  const today = '2026-11-24';
  let t: TestApp;
  let kreis: string;
  let id: string;
  let worker: Awaited<ReturnType<typeof apiAs>>;

  before(async () => {
    t = await createTestApp({ clock });
    kreis = await orgId(t, 'Kreis Paderborn');
    const applicant = await apiAs(t, 'antrag@windpark-sintfeld.example');
    worker = await apiAs(t, 'sachbearbeitung@kreis-paderborn.example');
    const lanuk = await orgId(t, 'Landesamt für Natur');
    const project = DEMO_PROJECTS.find((p) => p.key === 'lichtenau-nordost')!;
    const created = await applicant.post('/api/v1/procedures', applicationBody(project, kreis));
    assert.equal(created.statusCode, 201, created.body);
    id = created.json<{ id: string }>().id;
    const steps: [typeof applicant, string, object][] = [
      [applicant, 'submit', {}],
      [worker, 'confirm-receipt', {}],
      [
        worker,
        'confirm-completeness',
        {
          completenessDate: today,
          agencies: [lanuk],
          timetable: 'Auslegung in Kürze.',
          missingDocumentsReason:
            'Die übrigen Unterlagen liegen der Behörde aus der Vorprüfung vor.',
        },
      ],
      [worker, 'prepare-participation', {}],
    ];
    for (const [client, action, body] of steps) {
      const response = await client.post(`/api/v1/procedures/${id}/actions/${action}`, body);
      assert.equal(response.statusCode, 200, `${action}: ${response.body}`);
    }
  });
  after(async () => t.close());

  const publish = () =>
    worker.post(`/api/v1/procedures/${id}/actions/publish-notice`, {
      displayStart: addDays(today, 7),
      eiaRequired: false,
    });

  it('the applicant’s mail from the authority ends with its contact block', async () => {
    const mail = await t.database.db
      .selectFrom('mail_outbox')
      .select('body_text')
      .where('to_address', '=', 'antrag@windpark-sintfeld.example')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    assert.match(mail.body_text, /\n-- \nKreis Paderborn/);
    assert.match(mail.body_text, /E-Mail: immissionsschutz@kreis-paderborn\.example/);
    assert.match(mail.body_text, /Postfach 99 99, 33099 Paderborn/);
  });

  it('without postal address and office hours the notice is refused (409), nothing changes', async () => {
    await t.database.db
      .updateTable('authority_profiles')
      .set({ postal_street: null, office_hours: null })
      .where('organisation_id', '=', kreis)
      .execute();
    const rows = await snapshotTables(t.database.db, SESSION_BOOKKEEPING);
    const refused = await publish();
    assert.equal(refused.statusCode, 409, refused.body);
    assert.match(
      refused.json<{ detail: string }>().detail,
      /Für die Bekanntmachung fehlen in den Stammdaten der Behörde: Postanschrift, Öffnungszeiten/,
    );
    assert.deepEqual(
      changedTables(rows, await snapshotTables(t.database.db, SESSION_BOOKKEEPING)),
      [],
    );
  });

  it('with complete master data the notice names where to object and where to inspect', async () => {
    await t.database.db
      .updateTable('authority_profiles')
      .set({
        postal_street: 'Postfach 99 99',
        office_hours: 'Mo–Do 8:30–15:30 Uhr\nFr 8:30–12:00 Uhr',
      })
      .where('organisation_id', '=', kreis)
      .execute();
    const published = await publish();
    assert.equal(published.statusCode, 200, published.body);
    const notice = await t.database.db
      .selectFrom('notices')
      .select(['body_text', 'pdf_sha256'])
      .where('procedure_id', '=', id)
      .executeTakeFirstOrThrow();
    for (const expected of [
      'per Post an Kreis Paderborn – Untere Immissionsschutzbehörde, Postfach 99 99, 33099 Paderborn',
      'Persönlich: Abgabe oder Erklärung zur Niederschrift bei Kreis Paderborn',
      'Aldegreverstraße 10 (Beispiel), 33102 Paderborn; Öffnungszeiten: Mo–Do 8:30–15:30 Uhr; Fr 8:30–12:00 Uhr',
      'per E-Mail an immissionsschutz@kreis-paderborn.example',
      'Einsicht in die Unterlagen ist auf Verlangen auch bei der Genehmigungsbehörde möglich',
    ])
      assert.ok(notice.body_text.includes(expected), `Bekanntmachung ohne: ${expected}`);
    const chunks: Buffer[] = [];
    for await (const chunk of t.deps.store.open(notice.pdf_sha256)) chunks.push(chunk as Buffer);
    const text = compressedPdfText(Buffer.concat(chunks));
    assert.match(text, /Telefon: 05251 9999-0/);
    assert.match(text, /Aktenzeichen: 66\.\d{4}\/2026-BImSchG/);
  });
});
