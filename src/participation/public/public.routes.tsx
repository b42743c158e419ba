import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { berlinDate, listDeadlines } from '../../permits/permit.queries.ts';
import { WIND_REQUIRED_DOCUMENTS } from '../../permits/procedure-types/required-documents.ts';
import type { ProcedureState } from '../../procedures/engine/index.ts';
import { checkChallenge, issueChallenge } from '../intake/anti-abuse.ts';
import { storeAttachment } from '../intake/attachments.ts';
import { parseObjectionFields } from '../intake/objection-input.ts';
import {
  procedureOpenForObjections,
  submitObjection,
  type ReceivedAttachment,
} from '../intake/objection.actions.ts';
import { checkIntakeRate } from '../intake/rate-limit.ts';
import { findObjectionForStatus, listAttachmentsOf } from '../intake/receipt.queries.ts';
import { parseStatusToken } from '../intake/status-token.ts';
import { purposeKey } from '../participation.types.ts';
import { findPublicProcedure, type PublicProcedure } from '../public-procedure.queries.ts';
import { renderReceiptPdf } from '../receipt/receipt.pdf.ts';
import { ObjectionFormPage, type ObjectionFormValues } from './objection-form.views.tsx';
import { concernsOfObjection, objectionStatus } from './objection-status.ts';
import {
  findPublishedDecision,
  listDisplayedDocuments,
  listNotices,
  listPublicProcedures,
} from './public.queries.ts';
import { DisplayPage, ParticipationListPage } from './public.views.tsx';
import { StatusPage } from './status.views.tsx';

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

/** The multipart objection form: fields first (form order), files streamed into the store. */
async function readObjectionForm(deps: Deps, request: FastifyRequest) {
  const values: Record<string, string> = {};
  const attachments: ReceivedAttachment[] = [];
  if (!request.isMultipart()) {
    Object.assign(values, request.body ?? {});
    return { values, attachments };
  }
  for await (const part of request.parts({
    limits: { files: 6, fileSize: 10 * 1024 * 1024 + 1, fields: 20 },
  })) {
    if (part.type === 'field') {
      values[part.fieldname] = String(part.value);
      continue;
    }
    if (part.fieldname !== 'attachments' || part.filename === '') {
      part.file.resume();
      continue;
    }
    attachments.push(
      await storeAttachment(deps.store, part.filename, part.file, attachments.length),
    );
  }
  return { values, attachments };
}

function formValues(values: Record<string, string>): ObjectionFormValues {
  return {
    text: values.text,
    name: values.name,
    address: values.address,
    email: values.email,
    redactIdentity: values.redactIdentity === 'true' || values.redactIdentity === 'on',
  };
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

  app.get(
    '/beteiligung/:id/einwendung',
    { config: { access: 'public' }, schema: { params: Id } },
    async (request, reply) => {
      const procedure = await procedureOpenForObjections(deps, request.params.id);
      return sendPage(
        reply,
        <ObjectionFormPage
          ctx={pageContext(request, reply)}
          procedure={procedure}
          today={today()}
          challenge={issueChallenge(deps, procedure.id)}
          identityRequired={deps.config.participation.identityRequired}
          values={{}}
          errors={[]}
        />,
      );
    },
  );

  app.post(
    '/beteiligung/:id/einwendung',
    { config: { access: 'public' }, bodyLimit: 60 * 1024 * 1024, schema: { params: Id } },
    async (request, reply) => {
      const procedure = await procedureOpenForObjections(deps, request.params.id);
      const { values, attachments } = await readObjectionForm(deps, request);
      const rerender = (errors: FieldError[], status = 400) =>
        sendPage(
          reply,
          <ObjectionFormPage
            ctx={pageContext(request, reply)}
            procedure={procedure}
            today={today()}
            challenge={{
              token: values.challenge ?? '',
              difficulty: deps.config.participation.powDifficulty,
            }}
            identityRequired={deps.config.participation.identityRequired}
            values={formValues(values)}
            errors={errors}
          />,
          status,
        );
      const fields = parseObjectionFields(values, deps.config.participation.identityRequired);
      if (!fields.ok) return rerender(fields.errors);
      let submissionKey: string | null;
      try {
        submissionKey = checkChallenge(deps, {
          procedureId: procedure.id,
          challenge: values.challenge ?? '',
          nonce: values.nonce ?? '',
          viaForm: true,
        });
        await checkIntakeRate(deps, { clientAddress: request.ip, procedureId: procedure.id });
      } catch (error) {
        if (
          error instanceof AppError &&
          (error.code === 'validation' || error.code === 'rate_limited')
        ) {
          return rerender(
            error.fieldErrors.length > 0
              ? error.fieldErrors.map((e) => ({ ...e, field: 'text' }))
              : [{ field: 'text', message: error.message }],
            error.code === 'rate_limited' ? 429 : 400,
          );
        }
        throw error;
      }
      const receipt = await submitObjection({
        deps,
        procedure,
        fields: fields.value,
        attachments,
        channel: 'web',
        submissionKey,
      });
      return reply.redirect(
        `/eingang/${receipt.statusToken}?${receipt.replay ? 'wiederholt' : 'neu'}=1`,
        303,
      );
    },
  );

  const statusOr404 = async (token: string) => {
    const id = parseStatusToken(purposeKey(deps, 'objection-status'), token);
    const objection = id ? await findObjectionForStatus(deps.db, id) : undefined;
    if (!objection)
      throw new AppError(
        'not_found',
        'Diesen Link zum Bearbeitungsstand gibt es nicht. Bitte prüfen Sie, ob er vollständig übernommen wurde.',
      );
    return objection;
  };

  app.get(
    '/eingang/:token',
    {
      config: { access: 'public' },
      schema: {
        params: Type.Object({ token: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object({
          neu: Type.Optional(Type.String()),
          wiederholt: Type.Optional(Type.String()),
        }),
      },
    },
    async (request, reply) => {
      const o = await statusOr404(request.params.token);
      const [attachments, concerns] = await Promise.all([
        listAttachmentsOf(deps.db, o.id),
        concernsOfObjection(deps.db, o.id),
      ]);
      const state = o.state as ProcedureState;
      const status = objectionStatus({
        step: o.step,
        state,
        today: today(),
        linked: concerns.length,
        assessed: concerns.filter((c) => c.assessment !== null).length,
      });
      const decided = status === 'considered' || status === 'decision-delivered';
      const view = {
        token: request.params.token,
        reference: o.reference,
        receivedAt: o.received_at,
        sha256: o.sha256,
        late: o.late,
        procedureId: o.procedure_id,
        procedureReference: o.procedureReference,
        procedureTitle: o.procedureTitle,
        authorityName: o.authorityName,
        objectionEnd: state.participation?.objectionEnd ?? null,
        status,
        attachments: attachments.map((a) => ({
          filename: a.filename,
          sha256: a.sha256,
          size: a.size,
        })),
        assessments: decided ? concerns : [],
        justSubmitted: request.query.neu === '1' || request.query.wiederholt === '1',
        replay: request.query.wiederholt === '1',
      };
      reply.header('referrer-policy', 'no-referrer');
      return sendPage(reply, <StatusPage ctx={pageContext(request, reply)} view={view} />);
    },
  );

  app.get(
    '/eingang/:token/quittung.pdf',
    {
      config: { access: 'public' },
      schema: { params: Type.Object({ token: Type.String({ maxLength: 64 }) }) },
    },
    async (request, reply) => {
      const o = await statusOr404(request.params.token);
      const attachments = await listAttachmentsOf(deps.db, o.id);
      const pdf = await renderReceiptPdf(
        {
          reference: o.reference,
          receivedAt: o.received_at,
          sha256: o.sha256,
          procedureReference: o.procedureReference,
          procedureTitle: o.procedureTitle,
          authorityName: o.authorityName,
          late: o.late,
          statusUrl: `${deps.config.publicUrl}eingang/${request.params.token}`,
          attachments: attachments.map((a) => ({
            name: a.filename,
            sha256: a.sha256,
            size: a.size,
          })),
        },
        deps.clock.now(),
      );
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="Eingangsbestaetigung-${o.reference}.pdf"`,
        )
        .header('cache-control', 'no-store')
        .header('referrer-policy', 'no-referrer')
        .send(pdf);
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
