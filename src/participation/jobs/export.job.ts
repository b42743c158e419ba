/**
 * The exports of a large procedure as background jobs: the file is written to the file store
 * (content-addressed) and offered for download on the job's status page. Who may download it is
 * checked again on every download (work.routes.tsx).
 */
import type { WorkKind } from '../../procedures/background/work.types.ts';
import { workPath } from '../../procedures/background/work.views.tsx';
import { findProcedure } from '../../permits/permit.queries.ts';
import { AppError } from '../../platform/errors.ts';
import {
  EXPORT_LABELS,
  exportFileName,
  exportStream,
  MEDIA_TYPES,
  type ExportKind,
} from '../export/export.files.ts';

/** Above this size a file is not stored (an archive with every attachment of a procedure). */
const MAX_EXPORT_BYTES = 16 * 1024 ** 3;
const PROGRESS_POLL_MS = 1_000;

export const exportJobKind = (kind: ExportKind) => `export-${kind}`;

const number = (value: unknown) => (typeof value === 'number' ? value : 0).toLocaleString('de-DE');

function megabytes(bytes: number): string {
  return (bytes / 1024 ** 2).toLocaleString('de-DE', { maximumFractionDigits: 1 });
}

function exportJob(kind: ExportKind): WorkKind {
  return {
    label: EXPORT_LABELS[kind],
    unit: 'Einwendungen',
    startPage: (procedureId) => `/verfahren/${procedureId}/auftraege`,
    async run({ deps, job, progress }) {
      const row = await findProcedure(deps.db, job.procedureId);
      if (!row) throw new AppError('not_found', 'Das Verfahren gibt es nicht mehr.');
      const personal = job.params.personal === true;
      const { count } = await deps.db
        .selectFrom('objections')
        .where('procedure_id', '=', row.id)
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .executeTakeFirstOrThrow();
      const total = Number(count);
      const tally = { rows: 0 };
      const now = deps.clock.now();
      const phase = kind === 'zip' ? 'Verfahrensakte zusammenstellen' : 'Einwendungen schreiben';
      progress({ done: 0, total, phase });
      // The writers count what they wrote; the poll turns that into steps for the status page.
      const poll = setInterval(
        () => progress({ done: Math.min(tally.rows, total), total, phase }),
        PROGRESS_POLL_MS,
      );
      try {
        const stored = await deps.store.put(
          exportStream(deps, row, kind, { personal, now, tally }),
          { maxBytes: MAX_EXPORT_BYTES },
        );
        return {
          result: { objections: tally.rows, personal, bytes: stored.size },
          file: {
            sha256: stored.sha256,
            size: stored.size,
            name: exportFileName(kind, row, now, personal),
            type: MEDIA_TYPES[kind],
          },
        };
      } finally {
        clearInterval(poll);
      }
    },
    doneNotice(job) {
      const r = job.result ?? {};
      const bytes = typeof r.bytes === 'number' ? r.bytes : 0;
      return {
        text:
          `Die Datei ist erstellt: ${number(r.objections)} Einwendungen, ${megabytes(bytes)} MB, ` +
          (r.personal === true
            ? 'mit personenbezogenen Daten – nur für den Dienstgebrauch.'
            : 'ohne personenbezogene Daten.'),
        link: {
          href: `${workPath(job.procedureId, job.id)}/datei`,
          label: `${job.file?.name ?? 'Datei'} herunterladen`,
        },
      };
    },
  };
}

export const EXPORT_JOBS: Record<string, WorkKind> = Object.fromEntries(
  (['csv', 'xlsx', 'zip'] as const).map((kind) => [exportJobKind(kind), exportJob(kind)]),
);
