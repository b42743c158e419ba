import { sql } from 'kysely';
import type { TestApp } from './app.ts';
import { apiAs, applicationBody, DEMO_PROJECTS, orgId } from './permits.ts';
import { berlinDate } from '../../src/procedures/case/case.queries.ts';

/** A PDF whose bytes are recognisable, to prove trade secrets are never served. */
export const SECRET_PDF = Buffer.from(
  '%PDF-1.4\n% GEHEIM-HERSTELLER-4711\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

export const WORKER = 'sachbearbeitung@kreis-paderborn.example';
export const APPLICANT = 'antrag@windpark-sintfeld.example';

/**
 * A formal procedure (25 turbines, Kreis Paderborn) brought through the real API up to the
 * public notice: display starts `leadDays` after the clock's today. Returns its id.
 */
export async function createPublishedProcedure(
  t: TestApp,
  options: {
    leadDays?: number;
    eiaRequired?: boolean;
    projectKey?: string;
    /** Upload a plain document and one marked as a trade secret while in draft. */
    documents?: boolean;
  } = {},
): Promise<{ id: string; tenantId: string }> {
  const applicant = await apiAs(t, APPLICANT);
  const worker = await apiAs(t, WORKER);
  const kreis = await orgId(t, 'Kreis Paderborn');
  const project = DEMO_PROJECTS.find((p) => p.key === (options.projectKey ?? 'lichtenau-nordost'))!;
  // Formal on request (§ 19 Abs. 3 BImSchG), so that any project of the Kreis can be used.
  const created = await applicant.post('/api/v1/procedures', {
    ...applicationBody(project, kreis),
    permitWish: 'formal',
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const id = created.json<{ id: string }>().id;
  if (options.documents) {
    const plain = await applicant.upload(`/api/v1/procedures/${id}/documents`, {
      docType: 'site-plans',
    });
    if (plain.statusCode !== 201) throw new Error(plain.body);
    const secret = await applicant.upload(
      `/api/v1/procedures/${id}/documents`,
      {
        docType: 'installation-description',
        tradeSecret: 'true',
        neutralSummary:
          'Technische Daten des Herstellers, zusammengefasst: Nabenhöhe und Leistung.',
      },
      { name: 'geheim-herstellerdaten.pdf', content: SECRET_PDF },
    );
    if (secret.statusCode !== 201) throw new Error(secret.body);
  }
  const lanuk = await orgId(t, 'Landesamt für Natur');
  const lead = options.leadDays ?? 7;
  // Dated input comes from the day on which the app performs the action, which is not the day
  // the helper looked at the clock if Berlin midnight falls in between (see actOnToday).
  const steps: [typeof applicant, string, (today: string) => object][] = [
    [applicant, 'submit', () => ({})],
    [worker, 'confirm-receipt', () => ({})],
    [
      worker,
      'confirm-completeness',
      (today) => ({
        completenessDate: today,
        agencies: [lanuk],
        timetable: 'Auslegung in Kürze.',
        // Not every required document is uploaded here; the reason is then required.
        missingDocumentsReason: 'Die übrigen Unterlagen liegen der Behörde aus der Vorprüfung vor.',
      }),
    ],
    [worker, 'prepare-participation', () => ({})],
    [
      worker,
      'publish-notice',
      (today) => ({
        displayStart: addDays(today, lead),
        eiaRequired: options.eiaRequired ?? true,
      }),
    ],
  ];
  for (const [client, action, body] of steps) {
    const response = await actOnToday(t, (today) =>
      client.post(`/api/v1/procedures/${id}/actions/${action}`, body(today)),
    );
    if (response.statusCode !== 200) throw new Error(`${action}: ${response.body}`);
  }
  return { id, tenantId: kreis };
}

/** 'YYYY-MM-DD' plus whole calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Runs a request whose input holds dates derived from today in Berlin (the engine's calendar),
 * read from the app's clock at the moment of use. Should Berlin midnight fall between that reading
 * and the app's own, the app refuses the dates as off by one day and, refused, changes nothing:
 * the request is then sent once more with the new day. With a real clock this happens only in
 * the night, and tests must not fail then.
 */
export async function actOnToday<R extends { statusCode: number }>(
  t: TestApp,
  request: (today: string) => Promise<R>,
): Promise<R> {
  const today = berlinDate(t.deps.clock.now());
  const response = await request(today);
  if (response.statusCode < 400) return response;
  const now = berlinDate(t.deps.clock.now());
  return now === today ? response : request(now);
}

export interface SeedObjection {
  text: string;
  name?: string | null;
  address?: string | null;
  email?: string | null;
  redactIdentity?: boolean;
  signatures?: number;
  externalRef?: string | null;
  channel?: 'web' | 'api' | 'paper' | 'email' | 'signature-list';
  late?: boolean;
  /** The signer named as representative (§ 17 Abs. 1 VwVfG). */
  representative?: { name: string; profession: string | null; address: string | null } | null;
}

/** Objections written straight into the table (fixtures for staff-side tests). */
export async function seedObjections(
  t: TestApp,
  procedure: { id: string; tenantId: string },
  rows: readonly SeedObjection[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const row of rows) {
    const inserted = await t.database.db
      .insertInto('objections')
      .values({
        procedure_id: procedure.id,
        tenant_id: procedure.tenantId,
        reference: sql<string>`'EW-2026-' || lpad(nextval('objection_number_seq')::text, 7, '0')`,
        received_at: t.deps.clock.now(),
        channel: row.channel ?? 'web',
        body: row.text,
        name: row.name ?? null,
        address: row.address ?? null,
        email: row.email ?? null,
        redact_identity: row.redactIdentity ?? false,
        late: row.late ?? false,
        sha256: '0'.repeat(64),
        submission_key: null,
        external_ref: row.externalRef ?? null,
        signatures: row.signatures ?? 1,
        representative_name: row.representative?.name ?? null,
        representative_profession: row.representative?.profession ?? null,
        representative_address: row.representative?.address ?? null,
        entered_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(inserted.id);
  }
  return ids;
}
