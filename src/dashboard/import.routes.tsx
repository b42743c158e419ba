/**
 * Loading statistics for an imported indicator through the web, as `monitoring import` does on
 * the command line (import.actions.ts checks and stores). Only the platform's administrators
 * ('monitoring:import'). A refused file or provenance shows the form again (400) with every
 * reason and line number and the values kept; nothing is stored. After an import the dashboard's
 * kept figures are dropped, so the indicator shows the new values at once.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { AppError, HTTP_STATUS, type FieldError } from '../platform/errors.ts';
import { pageContext, sendPage } from '../platform/http.ts';
import type { App, Deps } from '../platform/server.ts';
import type { IndicatorStore } from './cache.ts';
import { checkProvenance, importStatistics, latestImports } from './import.actions.ts';
import {
  EMPTY_IMPORT_FORM,
  IMPORT_FILE_LIMIT,
  IMPORT_FORM_PATH,
  ImportFormPage,
  type ImportFormValues,
} from './import.views.tsx';
import { INDICATORS } from './indicators.ts';

const access = { access: 'monitoring:import' as const };
const IMPORTED = INDICATORS.filter((i) => i.origin.kind === 'import');
const Query = Type.Object({
  eingespielt: Type.Optional(Type.String({ maxLength: 100 })),
  kennzahl: Type.Optional(Type.String({ maxLength: 100 })),
});

/** The form's field for each field the import names in its errors. */
const FORM_FIELD: Record<string, string> = {
  indicator: 'kennzahl',
  source: 'quelle',
  licence: 'lizenz',
  sourceUrl: 'url',
  file: 'datei',
};

interface ImportForm {
  values: ImportFormValues;
  fileName: string;
  content?: Buffer;
  size: number;
  tooLarge: boolean;
  /** A part the request guard refused (a NUL character in a field or file name). */
  refused?: FieldError[];
}

async function readImportForm(request: FastifyRequest): Promise<ImportForm> {
  const form: ImportForm = {
    values: { ...EMPTY_IMPORT_FORM },
    fileName: '',
    size: 0,
    tooLarge: false,
  };
  if (!request.isMultipart()) return form;
  try {
    // No 413 for a large file: it is counted and refused on the form like every other problem
    // (the option is read by @fastify/multipart's parts() but missing from its type).
    const options: Parameters<FastifyRequest['parts']>[0] & { throwFileSizeLimit: boolean } = {
      limits: { fileSize: IMPORT_FILE_LIMIT + 1 },
      throwFileSizeLimit: false,
    };
    const parts = request.parts(options);
    for await (const part of parts) {
      if (part.type === 'field') {
        const value = typeof part.value === 'string' ? part.value : '';
        if (Object.hasOwn(form.values, part.fieldname))
          form.values[part.fieldname as keyof ImportFormValues] = value;
        continue;
      }
      if (part.fieldname !== 'datei' || form.content || form.fileName) {
        part.file.resume();
        continue;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        form.size += chunk.length;
        if (form.size <= IMPORT_FILE_LIMIT) chunks.push(chunk);
      }
      form.tooLarge = form.size > IMPORT_FILE_LIMIT || part.file.truncated;
      form.fileName = part.filename;
      if (form.size > 0 && !form.tooLarge) form.content = Buffer.concat(chunks);
    }
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation') throw error;
    form.refused = error.formErrors('datei');
  }
  return form;
}

function fileError(message: string): FieldError {
  return {
    field: 'datei',
    message: message.startsWith('Zeile ') ? `CSV-Datei, ${message}` : `CSV-Datei: ${message}`,
  };
}

/** The file as text, or why it cannot be read. */
function fileText(form: ImportForm): { text: string } | { error: FieldError } {
  if (form.tooLarge) return { error: fileError('Die Datei ist zu groß (höchstens 2 MB).') };
  if (!form.content)
    return {
      error: fileError(
        form.fileName === '' ? 'Bitte wählen Sie eine CSV-Datei aus.' : 'Die Datei ist leer.',
      ),
    };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(form.content) };
  } catch {
    return {
      error: fileError(
        'Die Datei ist nicht in UTF-8 gespeichert. Bitte speichern Sie sie als „CSV UTF-8“.',
      ),
    };
  }
}

/** The import's errors under the form's field names; file problems prefixed for the summary. */
function formErrors(errors: readonly FieldError[]): FieldError[] {
  const mapped = errors.map((e) => ({ field: FORM_FIELD[e.field] ?? 'datei', message: e.message }));
  return [
    ...mapped.filter((e) => e.field !== 'datei'),
    ...mapped.filter((e) => e.field === 'datei').map((e) => fileError(e.message)),
  ];
}

export function registerImportFormRoutes(app: App, deps: Deps, store: IndicatorStore): void {
  app.get(
    IMPORT_FORM_PATH,
    { config: access, schema: { querystring: Query } },
    async (request, reply) => {
      const chosen = IMPORTED.find((d) => d.id === request.query.kennzahl)?.id ?? '';
      return sendPage(
        reply,
        <ImportFormPage
          ctx={pageContext(request, reply)}
          indicators={IMPORTED}
          imports={await latestImports(deps.db)}
          values={{ ...EMPTY_IMPORT_FORM, kennzahl: chosen }}
          errors={[]}
          done={IMPORTED.find((d) => d.id === request.query.eingespielt)}
        />,
      );
    },
  );

  app.post(IMPORT_FORM_PATH, { config: access }, async (request, reply) => {
    const form = await readImportForm(request);
    const refuse = async (errors: FieldError[]) =>
      sendPage(
        reply,
        <ImportFormPage
          ctx={pageContext(request, reply)}
          indicators={IMPORTED}
          imports={await latestImports(deps.db)}
          values={form.values}
          errors={errors}
        />,
        HTTP_STATUS.validation,
      );
    if (form.refused) return refuse(form.refused);
    const actor = request.actor;
    const input = {
      indicatorId: form.values.kennzahl,
      source: form.values.quelle,
      sourceUrl: form.values.url,
      licence: form.values.lizenz,
      importedBy: actor.kind === 'user' ? `${actor.displayName} (${actor.email})` : 'unbekannt',
      now: deps.clock.now(),
    };
    const file = fileText(form);
    // A file that cannot be read is reported with the other fields' problems.
    if ('error' in file) return refuse([...formErrors(checkProvenance(input)), file.error]);
    try {
      const result = await importStatistics(deps.db, { ...input, csv: file.text });
      store.clear();
      request.log.info({ indicator: input.indicatorId, rows: result.rows }, 'statistics imported');
      return reply.redirect(
        `${IMPORT_FORM_PATH}?eingespielt=${encodeURIComponent(input.indicatorId)}`,
        303,
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation') throw error;
      return refuse(formErrors(error.formErrors('file')));
    }
  });
}
