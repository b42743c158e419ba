import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { decodeUtf8, readUploadedFile } from '../../platform/upload.ts';
import { AppError, HTTP_STATUS, type FieldError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { berlinDay } from '../profile/profile.queries.ts';
import { claimingCompany, submitTrainingClaims } from './training.claims.ts';
import { parseClaimsCsv } from './training.csv.ts';
import { CLAIM_FIELDS, validateClaim, type ClaimDraft } from './training.rules.ts';
import { FirmClaimsPage } from './training.views.tsx';

const PAGE = '/foerderung/bildungspraemie';
const FormBody = Type.Record(Type.String(), Type.Unknown());
const Flag = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 40 })) });
/** A CSV of 5,000 claims is well under 2 MB. */
const CSV_LIMIT = 2 * 1024 * 1024;
const SHOWN = 200;

function draftOf(body: Record<string, unknown>): ClaimDraft {
  const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 300) : '');
  return Object.fromEntries(CLAIM_FIELDS.map((f) => [f, text(body[f])])) as unknown as ClaimDraft;
}

async function readCsv(request: FastifyRequest): Promise<string> {
  const file = await readUploadedFile(request, {
    field: 'datei',
    limitBytes: CSV_LIMIT,
    missing: {
      summary: 'Bitte wählen Sie eine CSV-Datei aus.',
      field: 'CSV-Datei: Bitte wählen Sie eine CSV-Datei aus.',
    },
    tooLarge: 'CSV-Datei: Die Datei ist zu groß (höchstens 2 MB).',
  });
  return decodeUtf8(file.content, 'datei', 'CSV-Datei: Die Datei ist nicht in UTF-8 gespeichert.');
}

/**
 * The firm's page of the training bonus: its claims with their state, one claim by form, many by
 * CSV file (line-numbered German errors; nothing saved when a line is wrong). Only the company's
 * applicants reach it (policy action 'training-bonus:claim'); the company is the one of the
 * membership, never taken from the request.
 */
export function registerTrainingClaimRoutes(app: App, deps: Deps): void {
  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    state: { values?: Partial<ClaimDraft>; errors?: FieldError[]; fileErrors?: FieldError[] } = {},
    status = 200,
  ) => {
    const company = claimingCompany(request.actor);
    const [courses, claims, total] = await Promise.all([
      deps.db
        .selectFrom('training_courses')
        .select(['code', 'title', 'days'])
        .where('active', '=', true)
        .orderBy('code')
        .execute(),
      deps.db
        .selectFrom('training_claims as c')
        .innerJoin('training_courses as co', 'co.id', 'c.course_id')
        .select([
          'c.id',
          'c.employee_name',
          'co.code as course_code',
          'c.course_start',
          'c.course_end',
          'c.training_days',
          'c.status',
          'c.requested_cents',
          'c.granted_cents',
          'c.decision_reason',
        ])
        .where('c.company_id', '=', company.id)
        .orderBy('c.seq', 'desc')
        .limit(SHOWN)
        .execute(),
      deps.db
        .selectFrom('training_claims')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('company_id', '=', company.id)
        .executeTakeFirstOrThrow(),
    ]);
    const query = request.query as { ok?: string } | undefined;
    return sendPage(
      reply,
      <FirmClaimsPage
        ctx={pageContext(request, reply)}
        companyName={company.name}
        courses={courses}
        claims={claims}
        total={Number(total.n)}
        values={state.values ?? {}}
        errors={state.errors ?? []}
        fileErrors={state.fileErrors ?? []}
        message={state.errors || state.fileErrors ? undefined : query?.ok}
      />,
      status,
    );
  };

  app.get(
    PAGE,
    { config: { access: 'training-bonus:claim' }, schema: { querystring: Flag } },
    async (request, reply) => render(request, reply),
  );

  app.post(
    PAGE,
    { config: { access: 'training-bonus:claim' }, schema: { body: FormBody } },
    async (request, reply) => {
      const draft = draftOf(request.body);
      const today = berlinDay(deps.clock.now());
      const result = validateClaim(draft, today);
      try {
        if ('errors' in result)
          throw new AppError('validation', result.errors[0]!.message, result.errors);
        await submitTrainingClaims({
          db: deps.db,
          actor: request.actor,
          claims: [result.claim],
          now: deps.clock.now(),
        });
        return reply.redirect(`${PAGE}?ok=eingereicht`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation') throw error;
        return render(
          request,
          reply,
          { values: draft, errors: error.formErrors('familyName') },
          HTTP_STATUS.validation,
        );
      }
    },
  );

  app.post(
    `${PAGE}/datei`,
    { config: { access: 'training-bonus:claim' } },
    async (request, reply) => {
      claimingCompany(request.actor);
      try {
        const content = await readCsv(request);
        const parsed = parseClaimsCsv(content, berlinDay(deps.clock.now()));
        if (parsed.problems.length > 0) {
          const errors = parsed.problems.slice(0, 100).map((p) => ({
            field: 'datei',
            message: `Zeile ${p.line}: ${p.message}`,
          }));
          if (parsed.problems.length > 100)
            errors.push({
              field: 'datei',
              message: `… und ${parsed.problems.length - 100} weitere Fehler.`,
            });
          throw new AppError('validation', errors[0]!.message, errors);
        }
        await submitTrainingClaims({
          db: deps.db,
          actor: request.actor,
          claims: parsed.claims,
          now: deps.clock.now(),
        });
        return reply.redirect(`${PAGE}?ok=datei`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation') throw error;
        return render(
          request,
          reply,
          { fileErrors: error.formErrors('datei').map((e) => ({ ...e, field: 'datei' })) },
          HTTP_STATUS.validation,
        );
      }
    },
  );
}
