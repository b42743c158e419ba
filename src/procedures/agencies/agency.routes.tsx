import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { removeDirectoryEntry, saveDirectoryEntry } from './agency.actions.ts';
import {
  administeredAuthorities,
  listAgencyOrganisations,
  listDirectory,
} from './agency.queries.ts';
import { DIRECTORY_PATH, DirectoryPage } from './agency.views.tsx';

const Form = Type.Record(Type.String(), Type.Unknown());
const MESSAGES: Record<string, string> = {
  gespeichert: 'Die Stelle wurde im Verzeichnis gespeichert.',
  entfernt: 'Die Stelle wurde aus dem Verzeichnis entfernt.',
};

function strings(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(body).filter(
      (e): e is [string, string] => typeof e[1] === 'string' && e[0] !== '_csrf',
    ),
  );
}

async function renderDirectory(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  wanted: unknown,
  extra: { errors?: FieldError[]; values?: Record<string, string>; message?: string },
  status = 200,
) {
  const authorities = administeredAuthorities(request.actor);
  const authority = authorities.find((a) => a.id === wanted) ?? authorities[0];
  if (!authority) throw new AppError('forbidden', 'Sie pflegen das Verzeichnis keiner Behörde.');
  const [entries, organisations] = await Promise.all([
    listDirectory(deps.db, authority.id),
    listAgencyOrganisations(deps.db),
  ]);
  return sendPage(
    reply,
    <DirectoryPage
      ctx={pageContext(request, reply)}
      authority={authority}
      authorities={authorities}
      entries={entries}
      organisations={organisations}
      errors={extra.errors ?? []}
      values={extra.values ?? {}}
      message={extra.message}
    />,
    status,
  );
}

/** The agency directory of an authority: read and kept by the authority's admins. */
export function registerAgencyDirectoryRoutes(app: App, deps: Deps): void {
  app.get(
    DIRECTORY_PATH,
    {
      config: { access: 'organisation:agencies' },
      schema: {
        querystring: Type.Object({
          behoerde: Type.Optional(Type.String()),
          ok: Type.Optional(Type.String()),
        }),
      },
    },
    async (request, reply) => {
      const { behoerde, ok } = request.query;
      return renderDirectory(deps, request, reply, behoerde, {
        message: ok ? MESSAGES[ok] : undefined,
      });
    },
  );

  for (const [path, change, done] of [
    [DIRECTORY_PATH, saveDirectoryEntry, 'gespeichert'],
    [`${DIRECTORY_PATH}/entfernen`, removeDirectoryEntry, 'entfernt'],
  ] as const) {
    app.post(
      path,
      { config: { access: 'organisation:agencies' }, schema: { body: Form } },
      async (request, reply) => {
        try {
          const { authorityId } = await change({
            db: deps.db,
            actor: request.actor,
            body: request.body,
          });
          return reply.redirect(
            `${DIRECTORY_PATH}?behoerde=${encodeURIComponent(authorityId)}&ok=${done}`,
            303,
          );
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== 'validation') throw error;
          return renderDirectory(
            deps,
            request,
            reply,
            request.body.authorityId,
            { errors: error.formErrors('agencyOrgId'), values: strings(request.body) },
            400,
          );
        }
      },
    );
  }
}
