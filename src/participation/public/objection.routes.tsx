import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { withStaging, type FileStore } from '../../platform/storage.ts';
import { berlinDate } from '../../procedures/case/case.queries.ts';
import type { ProcedureState } from '../../procedures/engine/index.ts';
import { checkChallenge, issueChallenge, submissionIdentity } from '../intake/anti-abuse.ts';
import { stageAttachment, type StagedAttachment } from '../intake/attachments.ts';
import {
  FORM_FIELD_BYTES,
  FORM_FIELD_COUNT,
  OBJECTION_FORM_BODY_LIMIT,
} from '../intake/body-limits.ts';
import {
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  parseObjectionFields,
} from '../intake/objection-input.ts';
import { procedureOpenForObjections, submitObjection } from '../intake/objection.actions.ts';
import { checkIntakeRate, intakeRateExhausted } from '../intake/rate-limit.ts';
import { findObjectionForStatus, listAttachmentsOf } from '../intake/receipt.queries.ts';
import { parseStatusToken } from '../intake/status-token.ts';
import { purposeKey } from '../participation.types.ts';
import { renderReceiptPdf } from '../receipt/receipt.pdf.ts';
import type { PublicProcedure } from '../public-procedure.queries.ts';
import { ObjectionFormPage, type ObjectionFormValues } from './objection-form.views.tsx';
import { uniformValues } from '../intake/uniform-fields.views.tsx';
import { concernsOfObjection, objectionStatus } from './objection-status.ts';
import { StatusPage } from './status.views.tsx';

/**
 * The objector's pages: the objection form (works without script) and, behind the secret link
 * from the receipt, the status page and the receipt as PDF.
 */
const Id = Type.Object({ id: Type.String() });

/**
 * Reads the multipart objection form. Fields may come in any order; files are streamed into the
 * staging area, but only while nothing seen so far refuses the submission (`refused`), so that a
 * refused form costs no disk space. A file that cannot be accepted (type, size, number) becomes a
 * form error; reading goes on, so that the form can be shown again with the values kept.
 */
async function readObjectionForm(
  request: FastifyRequest,
  stage: FileStore['stage'],
  refused: (values: Record<string, string>) => boolean,
) {
  const values: Record<string, string> = {};
  const attachments: StagedAttachment[] = [];
  const errors: FieldError[] = [];
  let skipped = 0;
  if (!request.isMultipart()) {
    Object.assign(values, request.body ?? {});
    return { values, attachments, errors, skipped };
  }
  // The size is checked while staging, with a German message; busboy only stops reading (the
  // option exists at runtime, @fastify/multipart's types omit it for parts()).
  const options = {
    throwFileSizeLimit: false,
    // File names exactly as sent (the receipt hash covers them); cleaned for display later.
    preservePath: true,
    limits: {
      files: MAX_ATTACHMENTS + 1,
      fileSize: MAX_ATTACHMENT_BYTES + 1,
      fields: FORM_FIELD_COUNT,
      fieldSize: FORM_FIELD_BYTES,
    },
  };
  for await (const part of request.parts(options)) {
    if (part.type === 'field') {
      values[part.fieldname] = String(part.value);
      continue;
    }
    if (part.fieldname !== 'attachments' || part.filename === '') {
      part.file.resume();
      continue;
    }
    if (errors.length > 0 || refused(values)) {
      skipped += 1;
      part.file.resume();
      continue;
    }
    try {
      attachments.push(await stageAttachment(stage, part.filename, part.file, attachments.length));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      errors.push(...error.formErrors('attachments'));
      part.file.resume();
    }
  }
  return { values, attachments, errors, skipped };
}

const ATTACHMENTS_NOT_READ =
  'Die Anhänge konnten nicht angenommen werden. Bitte wählen Sie die Dateien erneut aus und senden Sie das Formular noch einmal.';

/** The faults of the fields received so far (an absent field is not judged yet). */
function checkForm(
  deps: Deps,
  procedureId: string,
  values: Record<string, string>,
  identityRequired: boolean,
): FieldError[] {
  const parsed = parseObjectionFields(values, identityRequired);
  const errors = parsed.ok ? [] : parsed.errors.filter((e) => e.field in values);
  if (values.challenge !== undefined && values.nonce !== undefined) {
    try {
      checkChallenge(deps, {
        procedureId,
        challenge: values.challenge,
        nonce: values.nonce,
        viaForm: true,
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      errors.push(...error.formErrors('text'));
    }
  }
  return errors;
}

type FormOutcome =
  { redirect: string } | { values: Record<string, string>; errors: FieldError[]; status: number };

/**
 * Reads and checks the form, then stores the objection: the fields, the proof of work and the
 * rate limit before anything is stored; attachments wait in the staging area until the
 * objection's transaction promotes them.
 */
async function receiveObjectionForm(
  deps: Deps,
  request: FastifyRequest,
  procedure: PublicProcedure,
  stage: FileStore['stage'],
  rateUsedUp: boolean,
): Promise<FormOutcome> {
  const identityRequired = deps.config.participation.identityRequired;
  const form = await readObjectionForm(
    request,
    stage,
    (values) => rateUsedUp || checkForm(deps, procedure.id, values, identityRequired).length > 0,
  );
  const { values } = form;
  const refuse = (errors: FieldError[], status = 400): FormOutcome => ({ values, errors, status });
  const fields = parseObjectionFields(values, identityRequired);
  const errors = [...(fields.ok ? [] : fields.errors), ...form.errors];
  if (!fields.ok || errors.length > 0) return refuse(errors);
  let challengeId: string | null;
  try {
    challengeId = checkChallenge(deps, {
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
      return refuse(
        error.formErrors('text').map((e) => ({ ...e, field: 'text' })),
        error.code === 'rate_limited' ? 429 : 400,
      );
    }
    throw error;
  }
  if (form.skipped > 0) {
    // Only a form whose fields changed after a file (e.g. a field sent twice) gets here.
    return refuse([{ field: 'attachments', message: ATTACHMENTS_NOT_READ }]);
  }
  // The form's challenge is its idempotency key (the same rule as the API's, anti-abuse.ts).
  const submission = submissionIdentity(challengeId, undefined);
  let receipt;
  try {
    receipt = await submitObjection({
      deps,
      procedure,
      fields: fields.value,
      attachments: form.attachments,
      channel: 'web',
      submissionKey: submission.key,
      challengeId: submission.challengeId,
    });
  } catch (error) {
    // Sent again with changed content: shown with the values kept, nothing stored.
    if (error instanceof AppError && error.code === 'conflict') {
      return refuse([{ field: 'text', message: error.message }], 409);
    }
    throw error;
  }
  return {
    redirect: `/eingang/${receipt.statusToken}?${receipt.replay ? 'wiederholt' : 'neu'}=1`,
  };
}

function formValues(values: Record<string, string>): ObjectionFormValues {
  return {
    text: values.text,
    name: values.name,
    address: values.address,
    email: values.email,
    redactIdentity: values.redactIdentity === 'true' || values.redactIdentity === 'on',
    uniform: uniformValues(values),
  };
}

export function registerObjectionPublicRoutes(app: App, deps: Deps): void {
  const today = () => berlinDate(deps.clock.now());
  /** The objection form: empty with a new challenge, or as sent with its errors. */
  const sendForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    procedure: PublicProcedure,
    form: {
      challenge: { token: string; difficulty: number };
      values: ObjectionFormValues;
      errors: FieldError[];
    },
    status?: number,
  ) =>
    sendPage(
      reply,
      <ObjectionFormPage
        ctx={pageContext(request, reply)}
        procedure={procedure}
        today={today()}
        challenge={form.challenge}
        identityRequired={deps.config.participation.identityRequired}
        values={form.values}
        errors={form.errors}
      />,
      status,
    );

  app.get(
    '/beteiligung/:id/einwendung',
    { config: { access: 'public' }, schema: { params: Id } },
    async (request, reply) => {
      const procedure = await procedureOpenForObjections(deps, request.params.id);
      return sendForm(request, reply, procedure, {
        challenge: issueChallenge(deps, procedure.id),
        values: {},
        errors: [],
      });
    },
  );

  app.post(
    '/beteiligung/:id/einwendung',
    { config: { access: 'public' }, bodyLimit: OBJECTION_FORM_BODY_LIMIT, schema: { params: Id } },
    async (request, reply) => {
      // Cheap checks first: a closed procedure or a used-up rate limit refuses before any file.
      const procedure = await procedureOpenForObjections(deps, request.params.id);
      const address = { clientAddress: request.ip, procedureId: procedure.id };
      const rateUsedUp = await intakeRateExhausted(deps, address);
      // The response is sent only after withStaging has removed every file not stored.
      const outcome = await withStaging(deps.store, (stage) =>
        receiveObjectionForm(deps, request, procedure, stage, rateUsedUp),
      );
      if ('redirect' in outcome) return reply.redirect(outcome.redirect, 303);
      return sendForm(
        request,
        reply,
        procedure,
        {
          challenge: {
            token: outcome.values.challenge ?? '',
            difficulty: deps.config.participation.powDifficulty,
          },
          values: formValues(outcome.values),
          errors: outcome.errors,
        },
        outcome.status,
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
        hashVersion: o.receipt_hash_version,
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
          hashVersion: o.receipt_hash_version,
          procedureReference: o.procedureReference,
          procedureTitle: o.procedureTitle,
          authorityName: o.authorityName,
          late: o.late,
          statusUrl: `${deps.config.publicUrl}eingang/${request.params.token}`,
          publicUrl: deps.config.publicUrl,
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
