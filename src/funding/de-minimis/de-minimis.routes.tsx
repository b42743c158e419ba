/** The company's de-minimis page (its applicants; their own company only; PRG form, no script). */
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { declareDeMinimisAid, type DeclarationInput } from './de-minimis.actions.ts';
import { deMinimisCheck } from './de-minimis.check.ts';
import {
  CompanyDeMinimisPage,
  DE_MINIMIS_BASE,
  type CompanyDeMinimisView,
} from './de-minimis.views.tsx';

const Form = Type.Record(Type.String(), Type.Unknown());
const Query = Type.Object({
  unternehmen: Type.Optional(Type.String({ format: 'uuid' })),
  ok: Type.Optional(Type.String({ maxLength: 40 })),
});

const BERLIN_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' });

/** The companies the actor applies for. */
function companiesOf(actor: Actor): { id: string; name: string }[] {
  if (actor.kind !== 'user') return [];
  const found = new Map<string, string>();
  for (const m of actor.memberships) {
    if (m.role === 'applicant' && m.organisationKind === 'company')
      found.set(m.organisationId, m.organisationName);
  }
  return [...found].map(([id, name]) => ({ id, name }));
}

function companyOf(actor: Actor, wanted: string | undefined) {
  const own = companiesOf(actor);
  const company = wanted === undefined ? own[0] : own.find((c) => c.id === wanted);
  if (!company) {
    throw new AppError(
      'forbidden',
      'Nur die Antragstellerinnen und Antragsteller dieses Unternehmens sehen seine De-minimis-Beihilfen.',
    );
  }
  return { company, own };
}

async function loadView(
  deps: Deps,
  actor: Actor,
  wanted: string | undefined,
): Promise<CompanyDeMinimisView> {
  const { company, own } = companyOf(actor, wanted);
  const today = BERLIN_DAY.format(deps.clock.now());
  return {
    company,
    companies: own,
    check: await deMinimisCheck(deps.db, company.id, today, 0),
  };
}

const FIELDS = [
  'grantingBody',
  'grantedOn',
  'amount',
  'regulation',
  'aidInstrument',
  'recipientName',
  'reference',
] as const;

function input(body: Record<string, unknown>): DeclarationInput {
  const values = {} as Record<(typeof FIELDS)[number], string>;
  for (const f of FIELDS) {
    const value = body[f];
    values[f] = typeof value === 'string' ? value : '';
  }
  return values;
}

async function declare(deps: Deps, request: FastifyRequest, reply: FastifyReply, wanted?: string) {
  const { company } = companyOf(request.actor, wanted);
  const values = input(request.body as Record<string, unknown>);
  try {
    await declareDeMinimisAid({
      db: deps.db,
      companyId: company.id,
      userId: request.actor.kind === 'user' ? request.actor.userId : '',
      today: BERLIN_DAY.format(deps.clock.now()),
      input: values,
    });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation') throw error;
    const view = await loadView(deps, request.actor, company.id);
    return sendPage(
      reply,
      <CompanyDeMinimisPage
        ctx={pageContext(request, reply)}
        view={view}
        errors={error.formErrors('grantingBody')}
        values={values}
      />,
      400,
    );
  }
  return reply.redirect(`${DE_MINIMIS_BASE}?unternehmen=${company.id}&ok=erklaert`, 303);
}

export function registerDeMinimisRoutes(app: App, deps: Deps): void {
  const config = { access: 'company:de-minimis' as const };
  app.get(DE_MINIMIS_BASE, { config, schema: { querystring: Query } }, async (request, reply) => {
    const view = await loadView(deps, request.actor, request.query.unternehmen);
    const message =
      request.query.ok === 'erklaert'
        ? 'Die Beihilfe wurde in die Übersicht aufgenommen.'
        : undefined;
    return sendPage(
      reply,
      <CompanyDeMinimisPage ctx={pageContext(request, reply)} view={view} message={message} />,
    );
  });
  app.post(
    DE_MINIMIS_BASE,
    { config, schema: { querystring: Query, body: Form } },
    (request, reply) => declare(deps, request, reply, request.query.unternehmen),
  );
}
