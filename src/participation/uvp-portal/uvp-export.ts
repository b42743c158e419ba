/**
 * Publication on the Land's central EIA portal (§ 20 UVPG, UVPPortV): what the portal must show
 * for a procedure with an EIA – its notices, the public application documents (the EIA report
 * among them) and the decision – as one ZIP: a DCAT-AP.EIA record (dcat-ap-eia.rdf, the format
 * the portal's editor imports), a manifest (manifest.json) with procedure, authority, dates and
 * every file with its SHA-256, and the files themselves. Nothing personal about an objector and
 * no trade secret is part of it (invariant 5; § 10 Abs. 2 BImSchG, § 23 UVPG). See
 * docs/uvp-portal.md.
 */
import type { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/storage.ts';
import { type ProcedureRow } from '../../permits/permit.queries.ts';
import { procedureParties } from '../../procedures/case/case.queries.ts';
import { WIND_REQUIRED_DOCUMENTS } from '../../permits/procedure-types/required-documents.ts';
import { loadAuthorityProfile } from '../../procedures/authority/authority.queries.ts';
import { referenceLabel } from '../../procedures/reference.ts';
import {
  renderDcatApEia,
  windFarmEiaNumber,
  type EiaDistribution,
  type EiaDocType,
  type EiaProcessStep,
  type EiaStepType,
} from './dcat-ap-eia.ts';
import { UniquePaths } from '../export/zip-names.ts';

const DOC_LABELS = new Map(WIND_REQUIRED_DOCUMENTS.map((d) => [d.key, d.label]));

export const UVP_EXPORT_FORMAT = 'industrieland-uvp-export';
export const UVP_EXPORT_VERSION = 1;

/** One file of the export: where it lies in the ZIP and what it is. */
export interface ExportDocument {
  path: string;
  title: string;
  docType: EiaDocType;
  processStep: EiaStepType;
  mediaType: string;
  size: number;
  sha256: string;
  publicUrl: string;
  issued: string;
}

export interface UvpExport {
  rdf: string;
  manifest: Record<string, unknown>;
  documents: ExportDocument[];
  fileName: string;
}

const FORMATS: Record<string, EiaDistribution['format']> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
};

const NOTICE_TITLES = {
  application: 'Bekanntmachung des Vorhabens',
  hearing: 'Bekanntmachung zum Erörterungstermin',
  decision: 'Bekanntmachung der Entscheidung',
} as const;

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Loads and assembles the export of one procedure. Refuses (409, German) when the procedure has
 * no EIA, no public notice yet, or the master data lack the e-mail address the portal requires.
 */
export async function buildUvpExport(
  db: Db,
  baseUrl: string,
  row: ProcedureRow,
  now: Date,
): Promise<UvpExport> {
  const { state } = row;
  const p = state.participation;
  if (state.facts.eiaRequired !== true)
    throw new AppError(
      'conflict',
      'Für dieses Verfahren ist keine Umweltverträglichkeitsprüfung durchzuführen; es wird nicht im UVP-Portal veröffentlicht (§ 20 Abs. 2 UVPG).',
    );
  if (!p)
    throw new AppError(
      'conflict',
      'Das Vorhaben ist noch nicht öffentlich bekannt gemacht; vorher gibt es nichts im UVP-Portal zu veröffentlichen.',
    );
  const profile = await loadAuthorityProfile(db, row.tenantId);
  if (!profile.email)
    throw new AppError(
      'conflict',
      'Das UVP-Portal verlangt eine E-Mail-Adresse der Behörde als Ansprechstelle. Bitte ergänzen Sie sie unter „Stammdaten“.',
    );
  const { authorityName } = await procedureParties(db, row);
  const [notices, documents, decision] = await Promise.all([
    db
      .selectFrom('notices')
      .select(['id', 'kind', 'title', 'published_on', 'pdf_sha256', 'pdf_size'])
      .where('procedure_id', '=', row.id)
      .orderBy('published_at')
      .execute(),
    // Only what the public sees: the application documents, never trade secrets (§ 10 Abs. 2
    // BImSchG) and never agency statements' attachments or objections.
    db
      .selectFrom('documents')
      .select(['id', 'doc_type', 'filename', 'media_type', 'size', 'sha256', 'uploaded_at'])
      .where('procedure_id', '=', row.id)
      .where('audience', '=', 'case')
      .where('doc_type', '!=', 'decision')
      .where('trade_secret', '=', false)
      .orderBy('uploaded_at')
      .execute(),
    // The decision only once it has been made public or delivered (§ 27 UVPG).
    state.decisionPublication || state.decision?.deliveredAt
      ? db
          .selectFrom('documents')
          .select(['id', 'filename', 'size', 'sha256', 'uploaded_at'])
          .where('procedure_id', '=', row.id)
          .where('doc_type', '=', 'decision')
          .orderBy('uploaded_at', 'desc')
          .executeTakeFirst()
      : undefined,
  ]);

  const paths = new UniquePaths();
  const site = `${baseUrl}beteiligung/${row.id}`;
  const files: ExportDocument[] = [];
  for (const n of notices) {
    files.push({
      path: paths.claim('bekanntmachungen/', `${n.published_on}-${n.kind}.pdf`),
      title: `${NOTICE_TITLES[n.kind]} vom ${n.published_on}`,
      docType: n.kind === 'hearing' ? 'hearingInformation' : 'announcement',
      // The notice that no hearing takes place belongs to the participation, as there is none.
      processStep:
        n.kind === 'decision'
          ? 'approvalDecision'
          : n.kind === 'hearing' && state.hearing?.held
            ? 'publicHearing'
            : 'publicDisclosure',
      mediaType: 'application/pdf',
      size: n.pdf_size,
      sha256: n.pdf_sha256,
      publicUrl: `${baseUrl}bekanntmachungen/${n.id}/pdf`,
      issued: n.published_on,
    });
  }
  for (const d of documents) {
    files.push({
      path: paths.claim('unterlagen/', d.filename),
      title: `${DOC_LABELS.get(d.doc_type) ?? d.doc_type} (${d.filename})`,
      docType: 'eiaReport',
      processStep: 'publicDisclosure',
      mediaType: d.media_type,
      size: d.size,
      sha256: d.sha256,
      publicUrl: `${site}/unterlagen/${d.id}`,
      issued: day(d.uploaded_at),
    });
  }
  if (decision) {
    files.push({
      path: paths.claim('entscheidung/', decision.filename),
      title: 'Bescheid mit Begründung',
      docType: 'decision',
      processStep: 'approvalDecision',
      mediaType: 'application/pdf',
      size: decision.size,
      sha256: decision.sha256,
      publicUrl: `${site}/bescheid`,
      issued: day(decision.uploaded_at),
    });
  }

  const stepFiles = (type: EiaStepType): EiaDistribution[] =>
    files
      .filter((f) => f.processStep === type)
      .map((f) => ({
        uri: `${f.publicUrl}#verteilung`,
        title: f.title,
        description: f.path,
        url: f.publicUrl,
        format: FORMATS[f.mediaType] ?? 'PDF',
        issued: f.issued,
        docType: f.docType,
      }));
  const steps: EiaProcessStep[] = [
    {
      id: 'auslegung',
      type: 'publicDisclosure',
      start: p.displayStart,
      end: p.displayEnd,
      distributions: stepFiles('publicDisclosure'),
    },
  ];
  if (state.hearing?.held && state.hearing.date) {
    steps.push({
      id: 'eroerterung',
      type: 'publicHearing',
      start: state.hearing.date,
      end: state.hearing.date,
      distributions: stepFiles('publicHearing'),
    });
  }
  if (state.decision) {
    steps.push({
      id: 'entscheidung',
      type: 'approvalDecision',
      start: state.decision.decidedAt,
      end: null,
      distributions: stepFiles('approvalDecision'),
    });
  }

  const app = row.application;
  const lons = app.turbines.map((t) => t.lon);
  const lats = app.turbines.map((t) => t.lat);
  const eiaNumber = windFarmEiaNumber(app.turbines.length);
  const placeName = `${app.site.gemeinde}, Gemarkung ${app.site.gemarkung}`;
  const description =
    `Errichtung und Betrieb von ${app.turbines.length} Windenergieanlagen in ${placeName} (förmliches Genehmigungsverfahren nach § 10 BImSchG mit Umweltverträglichkeitsprüfung). ${app.nonTechnicalSummary}`.trim();
  const modified = day(now);
  const rdf = renderDcatApEia({
    catalogUrl: baseUrl,
    catalogTitle: `UVP-Verfahren: ${authorityName}`,
    datasetUri: site,
    identifier: row.id,
    title: row.title,
    description,
    publisher: authorityName,
    contact: {
      name: authorityName,
      street: profile.postalAddress?.street ?? null,
      postalCode: profile.postalAddress?.postalCode ?? null,
      locality: profile.postalAddress?.city ?? null,
      email: profile.email,
      phone: profile.phone,
      url: profile.website,
    },
    bbox: {
      west: Math.min(...lons),
      south: Math.min(...lats),
      east: Math.max(...lons),
      north: Math.max(...lats),
    },
    placeName,
    eiaNumbers: [eiaNumber],
    // A screening (Vorprüfung) preceded the EIA unless the project needs one anyway (X). [open]
    prelimAssessment: app.eiaScreeningOutcome === 'eia-required' && !eiaNumber.endsWith('1.6.1'),
    receiptDate: row.submittedAt ? day(row.submittedAt) : null,
    decisionDate: state.decision?.decidedAt ?? null,
    modified,
    steps,
  });
  const manifest = {
    format: UVP_EXPORT_FORMAT,
    version: UVP_EXPORT_VERSION,
    conformsTo: 'DCAT-AP.EIA 0.1.1 (dcat-ap-eia.rdf)',
    generatedAt: now.toISOString(),
    procedure: {
      id: row.id,
      reference: referenceLabel(row.reference),
      title: row.title,
      procedureType: 'approvalProcedure',
      eiaNumber,
      site: app.site,
      turbines: app.turbines.length,
      url: site,
    },
    authority: {
      name: authorityName,
      department: profile.department,
      postalAddress: profile.postalAddress,
      visitingAddress: profile.visitingAddress,
      officeHours: profile.officeHours,
      email: profile.email,
      phone: profile.phone,
      website: profile.website,
    },
    dates: {
      receipt: row.submittedAt ? day(row.submittedAt) : null,
      notice: p.noticeDate,
      displayStart: p.displayStart,
      displayEnd: p.displayEnd,
      objectionEnd: p.objectionEnd,
      hearing: state.hearing?.held ? state.hearing.date : null,
      decision: state.decision?.decidedAt ?? null,
      outcome: state.decision?.outcome ?? null,
      decisionNotice: state.decisionPublication?.noticeDate ?? null,
      decisionDisplayStart: state.decisionPublication?.displayStart ?? null,
      decisionDisplayEnd: state.decisionPublication?.displayEnd ?? null,
    },
    documents: files,
  };
  // ASCII only: the name travels in a Content-Disposition header.
  const fileName = `UVP-Portal-${referenceLabel(row.reference).replace(/[^A-Za-z0-9.-]+/g, '-')}-${modified}.zip`;
  return { rdf, manifest, documents: files, fileName };
}

/** The ZIP as a stream: the two descriptions first, then every file from the store. */
export function streamUvpExport(store: FileStore, built: UvpExport, now: Date): Readable {
  const zip = new ZipFile();
  const mtime = now;
  zip.addBuffer(Buffer.from(built.rdf, 'utf8'), 'dcat-ap-eia.rdf', { mtime });
  zip.addBuffer(
    Buffer.from(`${JSON.stringify(built.manifest, null, 2)}\n`, 'utf8'),
    'manifest.json',
    { mtime },
  );
  for (const d of built.documents) {
    // PDFs and images are compressed already; deflating them again gains nothing.
    zip.addReadStream(store.open(d.sha256), d.path, { mtime, compress: false, size: d.size });
  }
  zip.end();
  return zip.outputStream as Readable;
}
