import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { berlinDate, listDeadlines } from '../../procedures/case/case.queries.ts';
import { WIND_REQUIRED_DOCUMENTS } from '../../permits/procedure-types/required-documents.ts';
import type { ProcedureState } from '../../procedures/engine/index.ts';
import { findPublicProcedure, type PublicProcedure } from '../public-procedure.queries.ts';
import {
  findPublishedDecision,
  listDisplayedDocuments,
  listNotices,
  listPublicProcedures,
} from './public.queries.ts';
import { DisplayPage, ParticipationListPage } from './public.views.tsx';

const Id = Type.Object({ id: Type.String() });
const DOC_LABELS = new Map(WIND_REQUIRED_DOCUMENTS.map((d) => [d.key, d.label]));

async function publicOr404(deps: Deps, id: string): Promise<PublicProcedure> {
  const procedure = await findPublicProcedure(deps.db, id);
  if (!procedure)
    throw new AppError(
      'not_found',
      'Zu diesem Verfahren gibt es keine öffentliche Bekanntmachung.',
    );
  return procedure;
}

export function registerParticipationPublicRoutes(app: App, deps: Deps): void {
  const today = () => berlinDate(deps.clock.now());

  app.get(
    '/beteiligung',
    {
      config: { access: 'public' },
      schema: {
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200 })),
          alle: Type.Optional(Type.String()),
        }),
      },
    },
    async (request, reply) => {
      const q = request.query.q ?? '';
      const all = request.query.alle === '1';
      const items = await listPublicProcedures(deps.db, {
        today: today(),
        openOnly: !all,
        q,
        limit: 200,
      });
      return sendPage(
        reply,
        <ParticipationListPage
          ctx={pageContext(request, reply)}
          items={items}
          q={q}
          all={all}
          today={today()}
        />,
      );
    },
  );

  app.get(
    '/beteiligung/:id',
    { config: { access: 'public' }, schema: { params: Id } },
    async (request, reply) => {
      const procedure = await publicOr404(deps, request.params.id);
      const [documents, deadlines, notices, decisionDoc, stateRow] = await Promise.all([
        listDisplayedDocuments(deps.db, procedure.id),
        listDeadlines(deps.db, procedure.id),
        listNotices(deps.db, { q: '', limit: 20, procedureId: procedure.id }),
        findPublishedDecision(deps.db, procedure.id),
        deps.db
          .selectFrom('procedures')
          .select('state')
          .where('id', '=', procedure.id)
          .executeTakeFirstOrThrow(),
      ]);
      const state = stateRow.state as ProcedureState;
      const pub = state.decisionPublication ?? null;
      const rationale = (key: string) => deadlines.find((d) => d.key === key)?.rationale ?? '';
      const view = {
        id: procedure.id,
        reference: procedure.reference,
        title: procedure.title,
        authority: procedure.authorityName,
        closed: procedure.closed,
        participation: procedure.participation,
        displayRationale: rationale('display'),
        objectionRationale: rationale('objection-period'),
        documents: documents.map((d) => ({
          id: d.id,
          label: DOC_LABELS.get(d.doc_type) ?? d.doc_type,
          filename: d.filename,
          size: d.size,
          tradeSecret: d.trade_secret,
          neutralSummary: d.neutral_summary,
        })),
        notices: notices.map((n) => ({ id: n.id, title: n.title, publishedOn: n.published_on })),
        decision: pub
          ? {
              displayStart: pub.displayStart,
              displayEnd: pub.displayEnd,
              available:
                decisionDoc !== undefined &&
                today() >= pub.displayStart &&
                today() <= pub.displayEnd,
            }
          : null,
        alternativeAccess: deps.config.participation.alternativeAccess,
      };
      return sendPage(
        reply,
        <DisplayPage ctx={pageContext(request, reply)} view={view} today={today()} />,
      );
    },
  );

  app.get(
    '/beteiligung/:id/unterlagen/:docId',
    {
      config: { access: 'public' },
      schema: { params: Type.Object({ id: Type.String(), docId: Type.String() }) },
    },
    async (request, reply) => {
      const procedure = await publicOr404(deps, request.params.id);
      const p = procedure.participation;
      if (today() < p.displayStart || today() > p.displayEnd) {
        throw new AppError('not_found', 'Die Unterlagen sind nur während der Auslegung abrufbar.');
      }
      const documents = await listDisplayedDocuments(deps.db, procedure.id);
      // Trade secrets are never served (§ 10 Abs. 2 BImSchG), only their neutral summary.
      const doc = documents.find((d) => d.id === request.params.docId && !d.trade_secret);
      if (!doc) throw new AppError('not_found', 'Diese Unterlage ist nicht ausgelegt.');
      return sendFile(reply, deps, doc);
    },
  );

  app.get(
    '/beteiligung/:id/bescheid',
    { config: { access: 'public' }, schema: { params: Id } },
    async (request, reply) => {
      const procedure = await publicOr404(deps, request.params.id);
      const row = await deps.db
        .selectFrom('procedures')
        .select('state')
        .where('id', '=', procedure.id)
        .executeTakeFirstOrThrow();
      const pub = (row.state as ProcedureState).decisionPublication;
      const doc = await findPublishedDecision(deps.db, procedure.id);
      if (!pub || !doc || today() < pub.displayStart || today() > pub.displayEnd) {
        throw new AppError('not_found', 'Der Bescheid liegt derzeit nicht öffentlich aus.');
      }
      return sendFile(reply, deps, { ...doc, media_type: 'application/pdf' });
    },
  );
}

export function sendFile(
  reply: FastifyReply,
  deps: Deps,
  doc: { sha256: string; filename: string; media_type: string; size: number },
) {
  const ascii = doc.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .type(doc.media_type)
    .header('content-length', String(doc.size))
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .send(deps.store.open(doc.sha256));
}
