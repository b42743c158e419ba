/**
 * The tracker, the register list and their CSV files are public (planning data; no personal
 * data). The register list is paged in the database (`seite`, 100 areas a page; a page beyond
 * the end shows the last one), its CSV holds every area of the Stichtag. Importing a new version
 * needs 'wind-areas:import'. A bad Stichtag or page number is a German 400 page
 * (the CSV files answer with the German error page), a bad file is the form again with one line
 * per bad feature, and nothing is stored.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { AppError, HTTP_STATUS, type FieldError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { registerCsv, trackerCsv } from './area.csv.ts';
import { parseAreaCollection } from './area.import.ts';
import {
  loadRegister,
  loadRegisterPage,
  loadTracker,
  parsePage,
  parseStichtag,
} from './area.service.ts';
import { berlinToday, importAreaVersion, type ImportMode } from './area.version.ts';
import { ImportPage, type ImportValues } from './area.import.views.tsx';
import { RegisterPage } from './area.register.views.tsx';
import { IMPORT_PATH, REGISTER_PATH, TRACKER_PATH, TrackerPage } from './area.views.tsx';

const AnyQuery = Type.Record(Type.String(), Type.Unknown());
const open = { access: 'public' as const };
const importer = { access: 'wind-areas:import' as const };
/** A regional plan's areas are a few MB at most; 5,000 detailed polygons stay below 20 MB. */
const FILE_LIMIT = 20 * 1024 * 1024;
const SHOWN_PROBLEMS = 100;

const TABLES = {
  land: 'land',
  regionen: 'regions',
  kreise: 'kreise',
  gemeinden: 'gemeinden',
} as const;

interface ImportForm {
  values: ImportValues;
  content?: Buffer;
  fileName?: string;
  tooLarge: boolean;
}

async function readImportForm(request: FastifyRequest): Promise<ImportForm> {
  const form: ImportForm = { values: { stand: '', modus: '' }, tooLarge: false };
  if (!request.isMultipart()) return form;
  for await (const part of request.parts({ limits: { fileSize: FILE_LIMIT + 1 } })) {
    if (part.type === 'field') {
      const value = typeof part.value === 'string' ? part.value.slice(0, 100) : '';
      if (part.fieldname === 'stand') form.values.stand = value.trim();
      if (part.fieldname === 'modus') form.values.modus = value;
      continue;
    }
    if (part.fieldname !== 'datei') {
      part.file.resume();
      continue;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size <= FILE_LIMIT) chunks.push(chunk);
    }
    form.tooLarge = size > FILE_LIMIT;
    form.fileName = part.filename;
    if (size > 0 && !form.tooLarge) form.content = Buffer.concat(chunks);
  }
  return form;
}

function parseStand(value: string): string | undefined {
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  const iso = german
    ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}`
    : value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) &&
    date.toISOString().slice(0, 10) === iso &&
    iso >= '2000-01-01'
    ? iso
    : undefined;
}

/** The checks of the form and the file, in the order of the fields; empty when all is well. */
function checkImport(form: ImportForm): {
  errors: FieldError[];
  effectiveOn?: string;
  mode?: ImportMode;
  raw?: unknown;
} {
  const errors: FieldError[] = [];
  const effectiveOn = parseStand(form.values.stand);
  if (!effectiveOn)
    errors.push({
      field: 'stand',
      message: 'Stand: Bitte geben Sie ein Datum im Format TT.MM.JJJJ an.',
    });
  const mode =
    form.values.modus === 'add' || form.values.modus === 'replace' ? form.values.modus : undefined;
  if (!mode)
    errors.push({
      field: 'modus',
      message: 'Art des Imports: Bitte wählen Sie „Ersetzen“ oder „Ergänzen“.',
    });
  const file = (message: string) =>
    errors.push({ field: 'datei', message: `GeoJSON-Datei: ${message}` });
  if (form.tooLarge) file('Die Datei ist zu groß (höchstens 20 MB).');
  else if (!form.content) file('Bitte wählen Sie eine GeoJSON-Datei aus.');
  let raw: unknown;
  if (form.content) {
    try {
      raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(form.content));
    } catch {
      file('Die Datei ist kein gültiges JSON in UTF-8.');
    }
  }
  return { errors, effectiveOn, mode, raw };
}

export function registerAreaRoutes(app: App, deps: Deps): void {
  const today = () => berlinToday(deps.clock.now());

  app.get(
    TRACKER_PATH,
    { config: open, schema: { querystring: AnyQuery } },
    async (request, reply) => {
      const parsed = parseStichtag(request.query, today());
      const ctx = pageContext(request, reply);
      if (!parsed.ok)
        return sendPage(
          reply,
          <TrackerPage ctx={ctx} value={parsed.value} errors={parsed.errors} />,
          400,
        );
      const view = await loadTracker(deps.db, { stichtag: parsed.stichtag, today: today() });
      return sendPage(
        reply,
        <TrackerPage
          ctx={ctx}
          view={view}
          stichtag={parsed.stichtag}
          value={parsed.value}
          errors={[]}
        />,
      );
    },
  );

  for (const [name, table] of Object.entries(TABLES)) {
    app.get(
      `${TRACKER_PATH}/${name}.csv`,
      { config: open, schema: { querystring: AnyQuery } },
      async (request, reply) => {
        const parsed = parseStichtag(request.query, today());
        if (!parsed.ok) throw new AppError('validation', parsed.errors[0]!.message, parsed.errors);
        const view = await loadTracker(deps.db, { stichtag: parsed.stichtag, today: today() });
        return reply
          .header(
            'content-disposition',
            `attachment; filename="windenergie-${name}-${view.asOf}.csv"`,
          )
          .type('text/csv; charset=utf-8')
          .send(trackerCsv(view.tracker[table]));
      },
    );
  }

  app.get(
    REGISTER_PATH,
    { config: open, schema: { querystring: AnyQuery } },
    async (request, reply) => {
      const parsed = parseStichtag(request.query, today(), ['seite']);
      const page = parsePage(request.query.seite);
      const ctx = pageContext(request, reply);
      if (!parsed.ok || !page.ok)
        return sendPage(
          reply,
          <RegisterPage
            ctx={ctx}
            areas={[]}
            value={parsed.value}
            errors={[...(parsed.ok ? [] : parsed.errors), ...(page.ok ? [] : page.errors)]}
          />,
          400,
        );
      const register = await loadRegisterPage(deps.db, {
        stichtag: parsed.stichtag,
        today: today(),
        page: page.page,
      });
      return sendPage(
        reply,
        <RegisterPage
          ctx={ctx}
          {...register}
          stichtag={parsed.stichtag}
          value={parsed.value}
          errors={[]}
        />,
      );
    },
  );

  app.get(
    `${REGISTER_PATH}.csv`,
    { config: open, schema: { querystring: AnyQuery } },
    async (request, reply) => {
      const parsed = parseStichtag(request.query, today());
      if (!parsed.ok) throw new AppError('validation', parsed.errors[0]!.message, parsed.errors);
      const register = await loadRegister(deps.db, { stichtag: parsed.stichtag, today: today() });
      return reply
        .header(
          'content-disposition',
          `attachment; filename="windenergiegebiete-${register.asOf}.csv"`,
        )
        .type('text/csv; charset=utf-8')
        .send(registerCsv(register.areas));
    },
  );

  app.get(
    IMPORT_PATH,
    {
      config: importer,
      schema: {
        querystring: Type.Object({ version: Type.Optional(Type.String({ maxLength: 40 })) }),
      },
    },
    async (request, reply) => {
      const done = /^(\d{1,9})-(\d{1,9})-(\d{1,9})$/.exec(request.query.version ?? '');
      return sendPage(
        reply,
        <ImportPage
          ctx={pageContext(request, reply)}
          values={{ stand: '', modus: 'replace' }}
          errors={[]}
          done={
            done
              ? { seq: Number(done[1]), count: Number(done[2]), ended: Number(done[3]) }
              : undefined
          }
        />,
      );
    },
  );

  app.post(IMPORT_PATH, { config: importer }, async (request, reply) => {
    const form = await readImportForm(request);
    const checked = checkImport(form);
    const refuse = (errors: FieldError[]) =>
      sendPage(
        reply,
        <ImportPage ctx={pageContext(request, reply)} values={form.values} errors={errors} />,
        HTTP_STATUS.validation,
      );
    if (checked.errors.length > 0) return refuse(checked.errors);
    const parsed = parseAreaCollection(checked.raw, { example: false });
    if (!parsed.ok) {
      const errors = parsed.problems
        .slice(0, SHOWN_PROBLEMS)
        .map((p) => ({ field: 'datei', message: p.message }));
      if (parsed.problems.length > SHOWN_PROBLEMS)
        errors.push({
          field: 'datei',
          message: `… und ${parsed.problems.length - SHOWN_PROBLEMS} weitere Fehler.`,
        });
      return refuse(errors);
    }
    try {
      const result = await importAreaVersion({
        db: deps.db,
        areas: parsed.areas,
        source: (form.fileName ?? 'Upload').slice(0, 200),
        effectiveOn: checked.effectiveOn!,
        mode: checked.mode!,
        actorId: request.actor.kind === 'user' ? request.actor.userId : null,
        today: today(),
      });
      return reply.redirect(
        `${IMPORT_PATH}?version=${result.seq}-${result.count}-${result.ended}`,
        303,
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation') throw error;
      return refuse(error.formErrors('stand'));
    }
  });
}
