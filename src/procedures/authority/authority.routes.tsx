import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readUploadedFile } from '../../platform/upload.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Access } from '../../platform/auth/policy.ts';
import { AppError, HTTP_STATUS } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import {
  addSignatory,
  ownOrganisationId,
  removeLogo,
  requireManagedOrganisation,
  setLogo,
  updateProfile,
  updateSignatory,
} from './authority.actions.ts';
import { loadAuthorityProfile } from './authority.queries.ts';
import { ProfilePage, type FormState } from './authority.views.tsx';
import { LOGO_READ_LIMIT } from './logo.ts';

const FormBody = Type.Record(Type.String(), Type.Unknown());
const Flag = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 40 })) });
const OrgParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const SignatoryParams = Type.Object({
  id: Type.Optional(Type.String({ format: 'uuid' })),
  signatoryId: Type.String({ format: 'uuid' }),
});

/** Keep what was typed, to re-render the form after an error (never the CSRF token). */
function kept(body: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(body))
    if (typeof value === 'string' && key !== '_csrf') values[key] = value;
  return values;
}

/** Reads the logo from a multipart request; past the limit the rest is read and dropped. */
async function readLogo(request: FastifyRequest): Promise<{ filename: string; content: Buffer }> {
  return readUploadedFile(request, {
    field: 'logo',
    limitBytes: LOGO_READ_LIMIT,
    missing: {
      summary: 'Bitte wählen Sie eine Logodatei aus.',
      field: 'Bitte wählen Sie eine Logodatei (PNG oder SVG) aus.',
    },
    tooLarge: `Die Datei ist zu groß: höchstens ${LOGO_READ_LIMIT / 1024} KB.`,
  });
}

/**
 * The master data pages: an organisation's admins edit their own at /organisation/stammdaten,
 * the platform admin any organisation's at /admin/organisationen/:id/stammdaten. Both share the
 * forms; every change is checked against the organisation in the use case as well.
 */
export function registerAuthorityRoutes(app: App, deps: Deps): void {
  const mounts: {
    base: string;
    access: Access;
    organisation: (actor: Actor, params: { id?: string }) => string;
    link: (id: string) => string;
  }[] = [
    {
      base: '/organisation/stammdaten',
      access: 'organisation:master-data',
      organisation: (actor) => ownOrganisationId(actor),
      link: () => '/organisation/stammdaten',
    },
    {
      base: '/admin/organisationen/:id/stammdaten',
      access: 'admin:organisations',
      organisation: (_actor, params) => params.id ?? '',
      link: (id) => `/admin/organisationen/${id}/stammdaten`,
    },
  ];

  for (const mount of mounts) {
    const withId = mount.base.includes(':id');
    const params = withId ? { params: OrgParams } : {};

    const render = async (
      request: FastifyRequest,
      reply: FastifyReply,
      organisationId: string,
      state?: FormState,
      status = 200,
    ) => {
      await requireManagedOrganisation(deps.db, request.actor, organisationId);
      const profile = await loadAuthorityProfile(deps.db, organisationId);
      const query = request.query as { ok?: string } | undefined;
      return sendPage(
        reply,
        <ProfilePage
          ctx={pageContext(request, reply)}
          base={mount.link(organisationId)}
          profile={profile}
          state={state}
          message={state ? undefined : query?.ok}
        />,
        status,
      );
    };

    /** Runs a change; a refused one re-renders the page with the errors and the values kept. */
    const change = async (
      request: FastifyRequest,
      reply: FastifyReply,
      form: FormState['form'],
      values: Record<string, string>,
      work: (organisationId: string) => Promise<unknown>,
      ok: string,
    ) => {
      const organisationId = mount.organisation(request.actor, request.params as { id?: string });
      try {
        await work(organisationId);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation') throw error;
        return render(
          request,
          reply,
          organisationId,
          { form, values, errors: error.formErrors(form === 'logo' ? 'logo' : 'form') },
          HTTP_STATUS.validation,
        );
      }
      return reply.redirect(`${mount.link(organisationId)}?ok=${ok}`, 303);
    };

    app.get(
      mount.base,
      { config: { access: mount.access }, schema: { ...params, querystring: Flag } },
      async (request, reply) =>
        render(
          request,
          reply,
          mount.organisation(request.actor, request.params as { id?: string }),
        ),
    );

    app.post(
      mount.base,
      { config: { access: mount.access }, schema: { ...params, body: FormBody } },
      async (request, reply) =>
        change(
          request,
          reply,
          'profile',
          kept(request.body),
          (organisationId) =>
            updateProfile({
              db: deps.db,
              actor: request.actor,
              organisationId,
              body: request.body,
            }),
          'gespeichert',
        ),
    );

    app.post(
      `${mount.base}/logo`,
      { config: { access: mount.access }, schema: { ...params } },
      async (request, reply) =>
        change(
          request,
          reply,
          'logo',
          {},
          async (organisationId) => {
            // Who may change the organisation is checked before the upload is read.
            await requireManagedOrganisation(deps.db, request.actor, organisationId);
            const { filename, content } = await readLogo(request);
            await setLogo({
              db: deps.db,
              store: deps.store,
              actor: request.actor,
              organisationId,
              filename,
              content,
            });
          },
          'logo',
        ),
    );

    app.post(
      `${mount.base}/logo/entfernen`,
      { config: { access: mount.access }, schema: { ...params } },
      async (request, reply) =>
        change(
          request,
          reply,
          'logo',
          {},
          (organisationId) => removeLogo({ db: deps.db, actor: request.actor, organisationId }),
          'logo-entfernt',
        ),
    );

    app.post(
      `${mount.base}/zeichnungsberechtigte`,
      { config: { access: mount.access }, schema: { ...params, body: FormBody } },
      async (request, reply) =>
        change(
          request,
          reply,
          'signatory-new',
          kept(request.body),
          (organisationId) =>
            addSignatory({ db: deps.db, actor: request.actor, organisationId, body: request.body }),
          'person',
        ),
    );

    app.post(
      `${mount.base}/zeichnungsberechtigte/:signatoryId`,
      {
        config: { access: mount.access },
        schema: { params: SignatoryParams, body: FormBody },
      },
      async (request, reply) =>
        change(
          request,
          reply,
          `signatory-${request.params.signatoryId}`,
          kept(request.body),
          (organisationId) =>
            updateSignatory({
              db: deps.db,
              actor: request.actor,
              organisationId,
              signatoryId: request.params.signatoryId,
              body: request.body,
            }),
          'person',
        ),
    );
  }

  // The logo for pages of logged-in users (and the letters' preview). An SVG is served so that a
  // browser opening it directly runs nothing: its own CSP forbids script, plugins and frames, and
  // the type is never sniffed.
  app.get(
    '/organisation/logo/:id',
    { config: { access: 'procedures:use' }, schema: { params: OrgParams } },
    async (request, reply) => {
      const profile = await loadAuthorityProfile(deps.db, request.params.id);
      if (!profile.logo || !deps.store.has(profile.logo.sha256))
        throw new AppError('not_found', 'Für diese Organisation ist kein Logo hinterlegt.');
      return reply
        .type(profile.logo.mediaType)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-security-policy',
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
        )
        .header('content-disposition', 'inline')
        .header('cache-control', 'private, max-age=3600')
        .send(deps.store.open(profile.logo.sha256));
    },
  );
}
