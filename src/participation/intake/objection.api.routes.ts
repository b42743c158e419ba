import { Type, type Static } from '@sinclair/typebox';
import { AppError } from '../../platform/errors.ts';
import { problemResponses } from '../../platform/openapi.ts';
import type { App, Deps } from '../../platform/server.ts';
import { Challenge, PublicReceipt, SubmissionReceipt } from '../participation.api.schemas.ts';
import {
  checkChallenge,
  issueChallenge,
  submissionIdentity,
  type SubmissionIdentity,
} from './anti-abuse.ts';
import { withStaging } from '../../platform/storage.ts';
import { stageBase64Attachments } from './attachments.ts';
import {
  checkApiAttachmentTotal,
  OBJECTION_JSON_BODY_LIMIT,
  OBJECTION_JSON_LIMITS_DESCRIPTION,
  refuseOversizeJson,
} from './body-limits.ts';
import { parseObjectionFields, MAX_ATTACHMENTS, type ObjectionFields } from './objection-input.ts';
import {
  procedureOpenForObjections,
  submitObjection,
  submitPlainObjection,
} from './objection.actions.ts';
import { findReceiptByReference } from './receipt.queries.ts';
import { RECEIPT_HASH_API_DESCRIPTION } from '../receipt/receipt-hash.text.ts';
import { CURRENT_RECEIPT_HASH_VERSION } from './objection-hash.ts';
import { checkIntakeRate, rateBucket } from './rate-limit.ts';

const Id = Type.Object({ id: Type.String() });

const IDEMPOTENCY_DESCRIPTION =
  'Schlüssel dieser Einsendung, frei gewählt (z. B. eine UUID). Ohne ihn gilt die gelöste Aufgabe (challenge) als Schlüssel, wie beim Formular dessen Aufgabe. Derselbe Schlüssel mit demselben Inhalt (Text, Anhänge, Name, Anschrift, E-Mail, Unkenntlichmachung) liefert die erste Eingangsbestätigung erneut (200); mit anderem Inhalt 409, und nichts wird gespeichert. Eine Aufgabe gilt für eine Einwendung.';
const tags = ['Öffentlichkeitsbeteiligung'];

const ObjectionBody = Type.Object(
  {
    text: Type.String({
      description:
        'Text der Einwendung (höchstens 50.000 Zeichen). Die Prüfsumme der Eingangsbestätigung deckt ihn genau so ab, wie er gesendet wird (nur Zeilenumbrüche als LF gezählt).',
    }),
    name: Type.Optional(Type.String()),
    address: Type.Optional(Type.String()),
    email: Type.Optional(Type.String({ description: 'für die Eingangsbestätigung per E-Mail' })),
    redactIdentity: Type.Optional(
      Type.Boolean({
        description: 'Name und Anschrift vor Weitergabe an die Antragstellerin unkenntlich machen',
      }),
    ),
    signatures: Type.Optional(
      Type.Integer({
        minimum: 1,
        description:
          'Zahl der Unterzeichnenden (Unterschriftenliste, von mehreren unterschriebenes Schreiben); ohne Angabe 1. Mehr als 5.000 nur mit „signaturesConfirmed“: true, mehr als 1.000.000 nie.',
      }),
    ),
    signaturesConfirmed: Type.Optional(
      Type.Boolean({
        description: 'Bestätigt ausdrücklich eine ungewöhnlich hohe Zahl der Unterschriften.',
      }),
    ),
    representative: Type.Optional(
      Type.Object(
        {
          name: Type.String({ maxLength: 1000 }),
          profession: Type.Optional(Type.String({ maxLength: 1000 })),
          address: Type.Optional(Type.String({ maxLength: 2000 })),
        },
        {
          additionalProperties: false,
          description:
            'Der Unterzeichner, der als Vertreter bezeichnet ist (§ 17 Abs. 1 VwVfG: Name, Beruf und Anschrift).',
        },
      ),
    ),
    attachments: Type.Optional(
      Type.Array(
        Type.Object({
          filename: Type.String({
            maxLength: 200,
            description: 'Dateiname; die Prüfsumme deckt ihn genau so ab, wie er gesendet wird.',
          }),
          contentBase64: Type.String(),
        }),
        { maxItems: MAX_ATTACHMENTS },
      ),
    ),
    challenge: Type.Optional(Type.String({ maxLength: 1000 })),
    nonce: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false, description: OBJECTION_JSON_LIMITS_DESCRIPTION },
);

/**
 * Checks the fields and the proof of work and derives the submission key (challenge or
 * Idempotency-Key). For a procedure that is not open for objections the answer is that (404/409),
 * not the input's faults.
 */
async function acceptSubmission(
  deps: Deps,
  procedureId: string,
  body: Static<typeof ObjectionBody> & { idempotencyKey: string | undefined },
): Promise<{ fields: ObjectionFields; submission: SubmissionIdentity }> {
  try {
    const fields = parseObjectionFields(body, deps.config.participation.identityRequired);
    if (!fields.ok) {
      throw new AppError(
        'validation',
        'Die Einwendung ist unvollständig oder ungültig.',
        fields.errors,
      );
    }
    const challengeId = checkChallenge(deps, {
      procedureId,
      challenge: body.challenge ?? '',
      nonce: body.nonce ?? '',
      viaForm: false,
    });
    return {
      fields: fields.value,
      submission: submissionIdentity(challengeId, body.idempotencyKey),
    };
  } catch (error) {
    await procedureOpenForObjections(deps, procedureId);
    throw error;
  }
}

/** Attachments, a receipt by mail, and every case the one statement did not store. */
async function submitInFull(
  deps: Deps,
  options: {
    procedureId: string;
    fields: ObjectionFields;
    attachments: readonly { filename: string; contentBase64: string }[];
    submission: SubmissionIdentity;
    countRate: boolean;
    clientAddress: string;
  },
) {
  const { procedureId, clientAddress } = options;
  const procedure = await procedureOpenForObjections(deps, procedureId);
  checkApiAttachmentTotal(options.attachments);
  if (options.countRate) await checkIntakeRate(deps, { clientAddress, procedureId });
  // Files are only staged here; the objection's transaction stores them, refusals leave nothing.
  return withStaging(deps.store, async (stage) =>
    submitObjection({
      deps,
      procedure,
      fields: options.fields,
      attachments: await stageBase64Attachments(stage, options.attachments),
      channel: 'api',
      submissionKey: options.submission.key,
      challengeId: options.submission.challengeId,
    }),
  );
}

export function registerObjectionApiRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/procedures/:id/objections/challenge',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'getObjectionChallenge',
        params: Id,
        response: {
          200: Challenge,
          ...problemResponses(
            [404, 'Dieses Verfahren gibt es nicht'],
            [409, 'Die Einwendungsfrist läuft nicht (noch nicht oder nicht mehr)'],
          ),
        },
        summary:
          'Rechenaufgabe gegen massenhafte automatische Einsendungen: eine Zahl „nonce“ finden, so dass SHA-256(challenge + ":" + nonce) mindestens „difficulty“ führende Null-Bits hat',
      },
    },
    async (request) => {
      await procedureOpenForObjections(deps, request.params.id);
      const challenge = issueChallenge(deps, request.params.id);
      return { challenge: challenge.token, difficulty: challenge.difficulty };
    },
  );

  app.post(
    '/api/v1/procedures/:id/objections',
    {
      config: { access: 'public' },
      // Computed from what the route takes (body-limits.ts); refused with 413 before parsing.
      bodyLimit: OBJECTION_JSON_BODY_LIMIT,
      preParsing: refuseOversizeJson,
      schema: {
        tags,
        operationId: 'submitObjection',
        params: Id,
        body: ObjectionBody,
        response: {
          200: {
            ...SubmissionReceipt,
            description: 'Wiederholte Einsendung: dieselbe Bestätigung',
          },
          201: SubmissionReceipt,
          ...problemResponses(
            [404, 'Dieses Verfahren gibt es nicht'],
            [
              409,
              'Das Verfahren ist abgeschlossen, derselbe Schlüssel kam mit anderem Inhalt, oder die Aufgabe wurde schon für eine andere Einwendung verwendet; gespeichert wird nichts',
            ],
            413,
            429,
          ),
        },
        headers: Type.Object({
          'idempotency-key': Type.Optional(
            Type.String({ maxLength: 200, description: IDEMPOTENCY_DESCRIPTION }),
          ),
        }),
        summary:
          'Einwendung erheben (ohne Konto). Antwort 201 mit Eingangsnummer, Eingangszeit und Prüfsumme (SHA-256, Prüfverfahren `hashVersion`) über Text und Anhänge wie gesendet; eine wiederholte Einsendung mit demselben Idempotency-Key (ohne ihn: derselben Aufgabe) und demselben Inhalt liefert dieselbe Bestätigung (200), mit anderem Inhalt 409.',
        description: RECEIPT_HASH_API_DESCRIPTION,
      },
    },
    async (request, reply) => {
      const procedureId = request.params.id;
      const body = request.body;
      const { fields, submission } = await acceptSubmission(deps, procedureId, {
        ...body,
        idempotencyKey: request.headers['idempotency-key'],
      });
      const attachments = body.attachments ?? [];
      // The common case in one statement; anything else (and every refusal) takes the full path.
      const plain = attachments.length === 0 && fields.email === null;
      const receipt =
        (plain
          ? await submitPlainObjection({
              deps,
              procedureId,
              fields,
              channel: 'api',
              submissionKey: submission.key,
              challengeId: submission.challengeId,
              rate: rateBucket(deps, { clientAddress: request.ip, procedureId }),
            })
          : undefined) ??
        (await submitInFull(deps, {
          procedureId,
          fields,
          attachments,
          submission,
          // The one statement has counted this submission already.
          countRate: !plain,
          clientAddress: request.ip,
        }));
      return reply.status(receipt.replay ? 200 : 201).send({
        reference: receipt.reference,
        receivedAt: receipt.receivedAt.toISOString(),
        sha256: receipt.sha256,
        hashVersion: CURRENT_RECEIPT_HASH_VERSION,
        late: receipt.late,
        early: receipt.early,
        statusUrl: `${deps.config.publicUrl}eingang/${receipt.statusToken}`,
      });
    },
  );

  app.get(
    '/api/v1/receipts/:reference',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'getReceipt',
        params: Type.Object({ reference: Type.String({ maxLength: 40 }) }),
        response: {
          200: PublicReceipt,
          ...problemResponses([404, 'Zu dieser Eingangsnummer ist keine Einwendung gespeichert']),
        },
        summary:
          'Eingangsbestätigung prüfen: Eingangsnummer, Eingangszeit, Prüfsumme (SHA-256) und Prüfverfahren (`hashVersion`) einer Einwendung (ohne personenbezogene Daten)',
        description: RECEIPT_HASH_API_DESCRIPTION,
      },
    },
    async (request) => {
      const receipt = await findReceiptByReference(deps.db, request.params.reference);
      if (!receipt)
        throw new AppError(
          'not_found',
          'Zu dieser Eingangsnummer ist keine Einwendung gespeichert.',
        );
      return receipt;
    },
  );
}
