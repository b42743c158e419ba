/** Routes of the authority's catalogue of conditions (admins of that authority; PRG forms). */
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import {
  catalogueOrganisations,
  listCatalogue,
  saveCatalogueEntry,
  setCatalogueEntryActive,
  type CatalogueInput,
} from './catalogue.actions.ts';
import { CatalogueAdminPage, entryField, type CatalogueAdminView } from './catalogue.views.tsx';

const Form = Type.Record(Type.String(), Type.Unknown());
const Query = Type.Object({
  organisation: Type.Optional(Type.String({ format: 'uuid' })),
  ok: Type.Optional(Type.String({ maxLength: 40 })),
});
const EntryId = Type.Object({ entryId: Type.String({ format: 'uuid' }) });
const BASE = '/organisation/nebenbestimmungen';

const MESSAGES: Record<string, string> = {
  angelegt: 'Der Eintrag wurde angelegt.',
  geaendert: 'Die Änderung wurde gespeichert.',
  deaktiviert: 'Der Eintrag wurde deaktiviert.',
  aktiviert: 'Der Eintrag wurde wieder aktiviert.',
};

/** The authority the page is about: the one asked for, if the actor is its admin; else the first. */
function organisationOf(actor: Actor, wanted: string | undefined) {
  const own = catalogueOrganisations(actor);
  const chosen = wanted === undefined ? own[0] : own.find((o) => o.id === wanted);
  if (!chosen)
    throw new AppError(
      'forbidden',
      'Nur die Administration dieser Behörde kann ihren Katalog der Nebenbestimmungen bearbeiten.',
    );
  return { chosen, own };
}

async function loadView(
  deps: Deps,
  actor: Actor,
  wanted: string | undefined,
): Promise<CatalogueAdminView> {
  const { chosen, own } = organisationOf(actor, wanted);
  return {
    organisation: chosen,
    organisations: own,
    entries: await listCatalogue(deps.db, chosen.id),
  };
}

function input(body: Record<string, unknown>, entryId: string | null): CatalogueInput {
  const get = (field: keyof CatalogueInput) => {
    const value = body[entryField(entryId, field)];
    return typeof value === 'string' ? value : '';
  };
  return {
    category: get('category'),
    title: get('title'),
    text: get('text'),
    citation: get('citation'),
  };
}

async function save(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  wanted: string | undefined,
  entryId: string | null,
  body: Record<string, unknown>,
) {
  const { chosen } = organisationOf(request.actor, wanted);
  const values = input(body, entryId);
  try {
    await saveCatalogueEntry({
      db: deps.db,
      actor: request.actor,
      organisationId: chosen.id,
      ...(entryId === null ? {} : { id: entryId }),
      input: values,
    });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation') throw error;
    const view = await loadView(deps, request.actor, chosen.id);
    const errors = error.fieldErrors.map((e) => ({
      ...e,
      field: entryField(entryId, e.field as keyof CatalogueInput),
    }));
    return sendPage(
      reply,
      <CatalogueAdminPage
        ctx={pageContext(request, reply)}
        view={view}
        errors={errors}
        values={{ entryId, input: values }}
      />,
      400,
    );
  }
  return reply.redirect(
    `${BASE}?organisation=${chosen.id}&ok=${entryId === null ? 'angelegt' : 'geaendert'}`,
    303,
  );
}

export function registerConditionCatalogueRoutes(app: App, deps: Deps): void {
  app.get(
    BASE,
    { config: { access: 'organisation:conditions' }, schema: { querystring: Query } },
    async (request, reply) => {
      const view = await loadView(deps, request.actor, request.query.organisation);
      const ok = request.query.ok;
      const message = ok !== undefined && Object.hasOwn(MESSAGES, ok) ? MESSAGES[ok] : undefined;
      return sendPage(
        reply,
        <CatalogueAdminPage ctx={pageContext(request, reply)} view={view} message={message} />,
      );
    },
  );

  app.post(
    BASE,
    { config: { access: 'organisation:conditions' }, schema: { querystring: Query, body: Form } },
    (request, reply) => save(deps, request, reply, request.query.organisation, null, request.body),
  );

  app.post(
    `${BASE}/:entryId`,
    {
      config: { access: 'organisation:conditions' },
      schema: { params: EntryId, querystring: Query, body: Form },
    },
    (request, reply) =>
      save(deps, request, reply, request.query.organisation, request.params.entryId, request.body),
  );

  app.post(
    `${BASE}/:entryId/status`,
    {
      config: { access: 'organisation:conditions' },
      schema: { params: EntryId, querystring: Query, body: Form },
    },
    async (request, reply) => {
      const { chosen } = organisationOf(request.actor, request.query.organisation);
      const active = request.body.active === 'ja';
      await setCatalogueEntryActive({
        db: deps.db,
        actor: request.actor,
        organisationId: chosen.id,
        id: request.params.entryId,
        active,
      });
      return reply.redirect(
        `${BASE}?organisation=${chosen.id}&ok=${active ? 'aktiviert' : 'deaktiviert'}`,
        303,
      );
    },
  );
}
