import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { berlinDate } from '../../permits/permit.queries.ts';
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
import { renderReceiptPdf } from '../receipt/receipt.pdf.ts';
import { ObjectionFormPage, type ObjectionFormValues } from './objection-form.views.tsx';
import { concernsOfObjection, objectionStatus } from './objection-status.ts';
import { StatusPage } from './status.views.tsx';

/**
 * The objector's pages: the objection form (works without script) and, behind the secret link
 * from the receipt, the status page and the receipt as PDF.
 */
const Id = Type.Object({ id: Type.String() });

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

export function registerObjectionPublicRoutes(app: App, deps: Deps): void {
  const today = () => berlinDate(deps.clock.now());

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
            error.formErrors('text').map((e) => ({ ...e, field: 'text' })),
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
