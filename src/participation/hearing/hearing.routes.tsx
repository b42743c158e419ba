import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { csvRow, UTF8_BOM } from '../../platform/csv.ts';
import { AppError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { findProcedureFor, type ProcedureRow } from '../../permits/permit.queries.ts';
import { berlinDate } from '../../procedures/case/case.queries.ts';
import { parseStatusToken } from '../intake/status-token.ts';
import { purposeKey } from '../participation.types.ts';
import {
  addAgendaItem,
  addAttendee,
  addComment,
  saveAgenda,
  sendMinutesCopy,
} from './hearing.actions.ts';
import {
  hearingDetails,
  letterInvitees,
  listAgenda,
  listAttendees,
  listComments,
  listMinutesCopies,
} from './hearing.queries.ts';
import { HearingPage, LetterListPage, type HearingPageData } from './hearing.views.tsx';

type Body = Record<string, unknown>;

async function pageData(deps: Deps, row: ProcedureRow): Promise<HearingPageData> {
  const [agenda, attendees, comments, details, copies, invitees] = await Promise.all([
    listAgenda(deps.db, row.id),
    listAttendees(deps.db, row.id),
    listComments(deps.db, row.id),
    hearingDetails(deps.db, row.id),
    listMinutesCopies(deps.db, row.id),
    letterInvitees(deps.db, row.id),
  ]);
  return {
    row,
    agenda,
    attendees,
    comments,
    publicCount: details?.public_count ?? 0,
    minutesDocumentId: details?.minutes_document_id ?? null,
    copies,
    letterInvitees: invitees.length,
    today: berlinDate(deps.clock.now()),
  };
}

/** Form values as strings, to show them again after a refused submission. */
function keptValues(body: Body): Record<string, string> {
  return Object.fromEntries(
    Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

/**
 * The hearing's pages (§§ 14–19 9. BImSchV): the decision with its rule and reasons, the agenda
 * from the argument catalogue, attendance, minutes per item, online comments, the letter list
 * and copies of the minutes. Objectors' personal data: the authority's case workers only
 * (others get 404, like every objection page).
 */
export function registerHearingRoutes(app: App, deps: Deps): void {
  const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
  const load = async (actor: FastifyRequest['actor'], id: string) => {
    const { row, roles } = await findProcedureFor(deps.db, actor, id);
    if (!roles.includes('case_worker'))
      throw new AppError('not_found', 'Diese Seite gibt es nicht.');
    return row;
  };
  const actorId = (request: FastifyRequest): string => {
    if (request.actor.kind !== 'user') throw new AppError('forbidden', 'Bitte melden Sie sich an.');
    return request.actor.userId;
  };

  /** Runs a form's use case; a validation error shows the page again with the values kept. */
  const handleForm = async (
    request: FastifyRequest,
    params: { id: string },
    body: Body,
    reply: FastifyReply,
    saved: string,
    run: (row: ProcedureRow) => Promise<unknown>,
  ) => {
    const row = await load(request.actor, params.id);
    try {
      await run(row);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation') throw error;
      const errors = error.formErrors('form');
      return sendPage(
        reply,
        <HearingPage
          ctx={pageContext(request, reply)}
          data={await pageData(deps, row)}
          saved={undefined}
          errors={errors}
          values={keptValues(body)}
        />,
        400,
      );
    }
    return reply.redirect(`/verfahren/${row.id}/eroerterung?gespeichert=${saved}`, 303);
  };

  app.get(
    '/verfahren/:id/eroerterung',
    {
      config: { access: 'procedures:use' },
      schema: {
        params: Id,
        querystring: Type.Object({ gespeichert: Type.Optional(Type.String({ maxLength: 40 })) }),
      },
    },
    async (request, reply) => {
      const row = await load(request.actor, request.params.id);
      return sendPage(
        reply,
        <HearingPage
          ctx={pageContext(request, reply)}
          data={await pageData(deps, row)}
          saved={request.query.gespeichert}
        />,
      );
    },
  );

  type Run = (request: FastifyRequest, body: Body, row: ProcedureRow) => Promise<unknown>;
  const post = (path: string, saved: string, run: Run) =>
    app.post(
      `/verfahren/:id/eroerterung${path}`,
      {
        config: { access: 'procedures:use' },
        schema: { params: Id, body: Type.Record(Type.String(), Type.Unknown()) },
      },
      (request, reply) =>
        handleForm(request, request.params, request.body, reply, saved, (row) =>
          run(request, request.body, row),
        ),
    );

  post('', 'tagesordnung', (_r, body, row) => saveAgenda({ db: deps.db, row, body }));
  post('/punkte', 'punkt', (_r, body, row) => addAgendaItem({ db: deps.db, row, body }));
  post('/teilnahme', 'teilnahme', (_r, body, row) => addAttendee({ db: deps.db, row, body }));
  post('/aeusserungen', 'aeusserung', (request, body, row) =>
    addComment({
      db: deps.db,
      row,
      body,
      actorId: actorId(request),
      today: berlinDate(deps.clock.now()),
    }),
  );
  post('/abschrift', 'abschrift', (request, body, row) =>
    sendMinutesCopy({
      deps,
      row,
      body,
      actorId: actorId(request),
      now: deps.clock.now(),
      today: berlinDate(deps.clock.now()),
    }),
  );

  app.get(
    '/verfahren/:id/eroerterung/briefliste',
    { config: { access: 'procedures:use' }, schema: { params: Id } },
    async (request, reply) => {
      const row = await load(request.actor, request.params.id);
      const rows = await letterInvitees(deps.db, row.id);
      return sendPage(
        reply,
        <LetterListPage ctx={pageContext(request, reply)} row={row} rows={rows} />,
      );
    },
  );

  app.get(
    '/verfahren/:id/eroerterung/briefliste.csv',
    { config: { access: 'procedures:use' }, schema: { params: Id } },
    async (request, reply) => {
      const row = await load(request.actor, request.params.id);
      const rows = await letterInvitees(deps.db, row.id);
      // German spreadsheet software: semicolon, UTF-8 with BOM.
      const lines = [
        csvRow(['Aktenzeichen', 'Name', 'Anschrift'], ';'),
        ...rows.map((r) => csvRow([r.reference, r.name ?? '', r.address ?? ''], ';')),
      ];
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', 'attachment; filename="briefliste-eroerterung.csv"')
        .send(UTF8_BOM + lines.join(''));
    },
  );

  // § 19 Abs. 2 S. 2 9. BImSchV: an objector who asked for a copy opens it with the personal
  // link from the mail; only objections for which a copy was recorded, never a guessable URL.
  app.get(
    '/beteiligung/:id/niederschrift/:token',
    {
      config: { access: 'public' },
      schema: {
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          token: Type.String({ maxLength: 64 }),
        }),
      },
    },
    async (request, reply) => {
      const objectionId = parseStatusToken(
        purposeKey(deps, 'hearing-minutes-copy'),
        request.params.token,
      );
      const notFound = new AppError('not_found', 'Diese Niederschrift gibt es nicht.');
      if (!objectionId) throw notFound;
      const found = await deps.db
        .selectFrom('hearing_minutes_copies as c')
        .innerJoin('hearings as h', 'h.procedure_id', 'c.procedure_id')
        .innerJoin('documents as d', 'd.id', 'h.minutes_document_id')
        .select(['d.sha256', 'd.filename'])
        .where('c.procedure_id', '=', request.params.id)
        .where('c.objection_id', '=', objectionId)
        .executeTakeFirst();
      if (!found || !deps.store.has(found.sha256)) throw notFound;
      return reply
        .header('content-type', 'application/pdf')
        .header('cache-control', 'no-store')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(found.filename)}`,
        )
        .send(deps.store.open(found.sha256));
    },
  );
}
