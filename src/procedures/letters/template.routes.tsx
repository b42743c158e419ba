import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { isLetterKind, LETTER_KIND_LABELS } from './letter.kinds.ts';
import { loadTemplates } from './letter.queries.ts';
import { TEMPLATE_FIELDS } from './letter.templates.ts';
import { administeredAuthorities, saveTemplate, templateField } from './template.actions.ts';
import { TemplatesPage, type TemplatesView } from './template.views.tsx';

const Form = Type.Record(Type.String(), Type.Unknown());

export function registerTemplateRoutes(app: App, deps: Deps): void {
  async function view(
    request: FastifyRequest,
    organisationId: string | undefined,
  ): Promise<TemplatesView> {
    const authorities = administeredAuthorities(request.actor);
    const chosen = authorities.find((a) => a.id === organisationId) ?? authorities[0];
    return {
      authorities,
      organisationId: chosen?.id,
      templates: chosen ? await loadTemplates(deps.db, chosen.id) : undefined,
    };
  }

  app.get(
    '/organisation/vorlagen',
    {
      config: { access: 'organisation:templates' },
      schema: {
        querystring: Type.Object({
          behoerde: Type.Optional(Type.String({ maxLength: 40 })),
          gespeichert: Type.Optional(Type.String({ maxLength: 40 })),
        }),
      },
    },
    async (request, reply) => {
      const saved = request.query.gespeichert;
      const message =
        saved && isLetterKind(saved)
          ? `Die Vorlage „${LETTER_KIND_LABELS[saved]}“ wurde gespeichert.`
          : undefined;
      return sendPage(
        reply,
        <TemplatesPage
          ctx={pageContext(request, reply)}
          view={await view(request, request.query.behoerde)}
          message={message}
        />,
      );
    },
  );

  app.post(
    '/organisation/vorlagen',
    { config: { access: 'organisation:templates' }, schema: { body: Form } },
    async (request, reply) => {
      const body = request.body;
      const organisationId = typeof body.organisationId === 'string' ? body.organisationId : '';
      const kind = body.kind;
      if (!isLetterKind(kind)) throw new AppError('validation', 'Unbekannte Art des Schreibens.');
      const field = (name: (typeof TEMPLATE_FIELDS)[number]) => {
        const value = body[templateField(kind, name)];
        return typeof value === 'string' ? value : '';
      };
      const texts = { intro: field('intro'), closing: field('closing'), notes: field('notes') };
      try {
        await saveTemplate({ db: deps.db, actor: request.actor, organisationId, kind, texts });
        return await reply.redirect(
          `/organisation/vorlagen?behoerde=${encodeURIComponent(organisationId)}&gespeichert=${kind}#vorlage-${kind}`,
          303,
        );
      } catch (error) {
        if (
          error instanceof AppError &&
          (error.code === 'validation' || error.code === 'conflict')
        ) {
          const typed: Record<string, string> = {};
          for (const name of TEMPLATE_FIELDS) typed[templateField(kind, name)] = field(name);
          return sendPage(
            reply,
            <TemplatesPage
              ctx={pageContext(request, reply)}
              view={await view(request, organisationId)}
              errors={error.formErrors(templateField(kind, 'intro'))}
              values={{ kind, texts: typed }}
            />,
            error.code === 'validation' ? 400 : 409,
          );
        }
        throw error;
      }
    },
  );
}
