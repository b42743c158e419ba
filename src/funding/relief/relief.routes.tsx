import { Type, type Static } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import { fileResponse, problemResponses } from '../../platform/openapi.ts';
import type { App, Deps } from '../../platform/server.ts';
import { computeFromText, RELIEF_FIELDS, type ReliefTextValues } from './relief.fields.ts';
import { renderReliefProof } from './relief.pdf.ts';
import { proofFileName } from './relief.present.ts';
import {
  computeRelief,
  DEFAULT_SCHEME_ID,
  proofDocument,
  ReliefRequestError,
  type ReliefComputation,
  type ReliefRequest,
} from './relief.request.ts';
import { ReliefBody, ReliefResponse, ReliefTraceNode } from './relief.schemas.ts';
import { ReliefPage } from './relief.views.tsx';

type Body = Static<typeof ReliefBody>;

function today(deps: Deps): string {
  return deps.clock.now().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
}

/** The API's fields are the calculator's own; only the scheme settings are nested. */
function requestFromBody(body: Body, computedOn: string): ReliefRequest {
  const {
    schemeId,
    schemeTargetCentsPerMwh,
    schemeFloorCentsPerMwh,
    schemeEligibleSharePpm,
    schemePeriodFrom,
    schemePeriodUntil,
    computedOn: givenDate,
    ...input
  } = body;
  return {
    input,
    scheme: {
      id: schemeId ?? DEFAULT_SCHEME_ID,
      targetCentsPerMwh: schemeTargetCentsPerMwh,
      floorCentsPerMwh: schemeFloorCentsPerMwh,
      eligibleSharePpm: schemeEligibleSharePpm,
      periodFrom: schemePeriodFrom,
      periodUntil: schemePeriodUntil,
    },
    computedOn: givenDate ?? computedOn,
  };
}

const API_FIELD: Record<string, string> = {
  schemeId: 'schemeId',
  schemeTarget: 'schemeTargetCentsPerMwh',
  schemeFloor: 'schemeFloorCentsPerMwh',
  schemeShare: 'schemeEligibleSharePpm',
  schemePeriodFrom: 'schemePeriodFrom',
  schemePeriodUntil: 'schemePeriodUntil',
};

/** Computes or answers 400 with problem+json naming the API field. */
function computeForApi(body: Body, deps: Deps): ReliefComputation {
  try {
    return computeRelief(requestFromBody(body, today(deps)));
  } catch (error) {
    if (!(error instanceof ReliefRequestError)) throw error;
    const fieldErrors = error.errors.map((e) => ({
      field: API_FIELD[e.field] ?? e.field,
      message: e.message,
    }));
    throw new AppError('validation', error.message, fieldErrors);
  }
}

function sendProof(
  reply: FastifyReply,
  computation: ReliefComputation,
  bytes: Buffer,
  sha: string,
) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${proofFileName(computation)}"`)
    .header('x-content-sha256', sha)
    .header('x-relief-sha256', computation.sha256)
    .header('cache-control', 'no-store')
    .send(bytes);
}

const PageQuery = Type.Record(Type.String(), Type.String());

function formValues(query: Record<string, string>): ReliefTextValues {
  const values: ReliefTextValues = {};
  for (const spec of RELIEF_FIELDS) {
    const value = query[spec.name];
    // A query value is typed text: cap it so a pasted novel cannot bloat the page it comes back on.
    if (typeof value === 'string') values[spec.name] = value.slice(0, 200);
  }
  values.scheme ??= DEFAULT_SCHEME_ID;
  return values;
}

function queryString(values: ReliefTextValues): string {
  const params = new URLSearchParams();
  for (const spec of RELIEF_FIELDS) {
    const value = values[spec.name];
    if (value) params.set(spec.name, value);
  }
  return params.toString();
}

export function registerReliefRoutes(app: App, deps: Deps): void {
  app.addSchema(ReliefTraceNode);
  const tags = ['Stromkosten'];
  const apiSchema = {
    tags,
    body: ReliefBody,
  };

  app.post(
    '/api/v1/relief/calculate',
    {
      config: { access: 'public' },
      schema: {
        ...apiSchema,
        operationId: 'calculateElectricityRelief',
        summary:
          'Stromkostenrechner: Stromsteuer mit § 9b StromStG, Strompreiskompensation, Industrie-/Brückenstrompreis (Entwurf) und effektiver Preis je kWh',
        response: { 200: ReliefResponse, ...problemResponses(400) },
      },
    },
    async (request) => {
      const computation = computeForApi(request.body, deps);
      const proof = proofDocument(computation.request, computation.scheme, computation.result);
      return {
        ...computation.result,
        verification: {
          computedOn: computation.request.computedOn,
          scheme: proof.scheme,
          sha256: computation.sha256,
        },
      };
    },
  );

  app.post(
    '/api/v1/relief/calculate.pdf',
    {
      config: { access: 'public' },
      schema: {
        ...apiSchema,
        operationId: 'calculateElectricityReliefProof',
        summary:
          'Berechnungsnachweis als PDF (Kopfzeilen x-content-sha256: Hash der Datei, x-relief-sha256: Prüfsumme der Berechnung)',
        response: {
          200: fileResponse(['application/pdf'], 'Der Berechnungsnachweis'),
          ...problemResponses(400),
        },
      },
    },
    async (request, reply) => {
      const computation = computeForApi(request.body, deps);
      const proof = await renderReliefProof(computation);
      return sendProof(reply, computation, proof.bytes, proof.sha256);
    },
  );

  app.get(
    '/stromkostenrechner',
    { config: { access: 'public' }, schema: { querystring: PageQuery } },
    async (request, reply) => {
      const values = formValues(request.query);
      const ctx = pageContext(request, reply);
      if (request.query.berechnen !== '1')
        return sendPage(reply, <ReliefPage ctx={ctx} values={values} errors={[]} />);
      values.computedOn ||= today(deps);
      const { computation, errors } = computeFromText(values, { computedOn: today(deps) });
      if (!computation)
        return sendPage(reply, <ReliefPage ctx={ctx} values={values} errors={errors} />, 400);
      const proof = await renderReliefProof(computation);
      const page = (
        <ReliefPage
          ctx={ctx}
          values={values}
          errors={[]}
          computation={computation}
          proof={{
            href: `/stromkostenrechner/nachweis.pdf?${queryString(values)}`,
            sha256: proof.sha256,
            bytes: proof.bytes.length,
          }}
        />
      );
      return sendPage(reply, page);
    },
  );

  app.get(
    '/stromkostenrechner/nachweis.pdf',
    { config: { access: 'public' }, schema: { querystring: PageQuery } },
    async (request, reply) => {
      const values = formValues(request.query);
      const { computation, errors } = computeFromText(values, { computedOn: today(deps) });
      if (!computation) {
        throw new AppError('validation', errors.map((e) => e.message).join(' '), errors);
      }
      const proof = await renderReliefProof(computation);
      return sendProof(reply, computation, proof.bytes, proof.sha256);
    },
  );
}
