import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import {
  canSeeLetter,
  letterRoles,
  NOT_FOUND,
  organisationsWithRoleOf,
  requireLetterRole,
} from './letter.access.ts';
import {
  draftableKinds,
  draftLetter,
  requestSignOff,
  returnToDrafter,
  reviseLetter,
} from './letter.actions.ts';
import { deliverLetter, letterPdf, signOff } from './letter.signing.ts';
import { type LetterDeps } from './letter.work.ts';
import type { LetterBuilders } from './letter.builder.ts';
import { isLetterKind } from './letter.kinds.ts';
import type { LoadProfile } from './letter.profile.ts';
import { findProcedureHead, listAwaitingSignOff, listLetters } from './letter.queries.ts';
import { LetterPage } from './letter.page.tsx';
import { LettersPage, SignOffQueuePage, type LettersView } from './letter.views.tsx';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const LetterParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  letterId: Type.String({ format: 'uuid' }),
});
const Form = Type.Record(Type.String(), Type.Unknown());
const Ok = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 40 })) });

const MESSAGES: Record<string, string> = {
  entworfen: 'Der Entwurf wurde aus der Akte erzeugt.',
  vorgelegt: 'Das Schreiben liegt zur Zeichnung vor.',
  zurueckgegeben: 'Das Schreiben wurde mit Ihrem Hinweis zurückgegeben.',
  gezeichnet: 'Das Schreiben ist gezeichnet und in der Akte abgelegt.',
  zugestellt: 'Das Schreiben wurde zugestellt.',
  'neue-fassung': 'Die neue Fassung wurde als Entwurf angelegt.',
};
// Refusals shown on the form they concern; a 403 or 404 gets the error page (the viewer may not
// be allowed to see the letter whose page would otherwise be shown again).
const STATUS = { validation: 400, conflict: 409 } as const;

function text(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value : '';
}

/** The letters of a case as one viewer may see them. */
export async function loadLettersView(
  deps: LetterDeps,
  actor: Actor,
  procedureId: string,
): Promise<LettersView> {
  const head = await findProcedureHead(deps.db, procedureId);
  requireLetterRole(actor, head, ['drafter', 'signer', 'applicant']);
  const roles = letterRoles(actor, head!);
  const staff = roles.includes('drafter') || roles.includes('signer');
  const [letters, profile, kinds] = await Promise.all([
    listLetters(deps.db, procedureId),
    staff ? deps.loadProfile(deps.db, head!.tenantId) : undefined,
    roles.includes('drafter') ? draftableKinds({ deps, head: head! }) : [],
  ]);
  return {
    head: head!,
    roles,
    letters: letters.filter((l) => canSeeLetter(roles, l)),
    draftableKinds: kinds,
    signatories: profile?.signatories.filter((s) => s.active) ?? [],
    actorId: actor.kind === 'user' ? actor.userId : '',
  };
}

export function registerLetterRoutes(
  app: App,
  deps: Deps,
  options: { builders: LetterBuilders; loadProfile: LoadProfile },
): void {
  const letterDeps: LetterDeps = { ...deps, ...options };

  async function renderLetter(
    request: FastifyRequest,
    reply: FastifyReply,
    procedureId: string,
    letterId: string,
    extra: { errors?: FieldError[]; values?: Record<string, string>; message?: string },
    status = 200,
  ) {
    const view = await loadLettersView(letterDeps, request.actor, procedureId);
    const letter = view.letters.find((l) => l.id === letterId);
    if (!letter) throw new AppError('not_found', NOT_FOUND);
    const hasNewerVersion = view.letters.some(
      (l) => l.kind === letter.kind && l.series === letter.series && l.version > letter.version,
    );
    return sendPage(
      reply,
      <LetterPage
        ctx={pageContext(request, reply)}
        view={view}
        letter={letter}
        hasNewerVersion={hasNewerVersion}
        {...extra}
      />,
      status,
    );
  }

  /** Runs a letter action; refusals re-render the letter page with the message (PRG on success). */
  async function act(
    request: FastifyRequest & {
      params: { id: string; letterId: string };
      body: Record<string, unknown>;
    },
    reply: FastifyReply,
    fallbackField: string,
    run: () => Promise<string | void>,
    done: string,
  ) {
    const { id, letterId } = request.params;
    try {
      const target = (await run()) ?? letterId;
      return await reply.redirect(`/verfahren/${id}/schreiben/${target}?ok=${done}`, 303);
    } catch (error) {
      if (error instanceof AppError && error.code in STATUS) {
        const values = Object.fromEntries(
          Object.entries(request.body).filter(
            (e): e is [string, string] => typeof e[1] === 'string',
          ),
        );
        return renderLetter(
          request,
          reply,
          id,
          letterId,
          { errors: error.formErrors(fallbackField), values },
          STATUS[error.code as keyof typeof STATUS],
        );
      }
      throw error;
    }
  }

  app.get(
    '/verfahren/:id/schreiben',
    { config: { access: 'procedures:use' }, schema: { params: Id, querystring: Ok } },
    async (request, reply) => {
      const view = await loadLettersView(letterDeps, request.actor, request.params.id);
      const ok = request.query.ok;
      return sendPage(
        reply,
        <LettersPage
          ctx={pageContext(request, reply)}
          view={view}
          message={ok ? MESSAGES[ok] : undefined}
        />,
      );
    },
  );

  app.post(
    '/verfahren/:id/schreiben',
    { config: { access: 'procedures:use' }, schema: { params: Id, body: Form } },
    async (request, reply) => {
      const kind = request.body.kind;
      try {
        if (!isLetterKind(kind))
          throw new AppError('validation', 'Bitte wählen Sie die Art des Schreibens.', [
            { field: 'kind', message: 'Bitte wählen Sie die Art des Schreibens.' },
          ]);
        const letterId = await draftLetter({
          deps: letterDeps,
          actor: request.actor,
          procedureId: request.params.id,
          kind,
        });
        return await reply.redirect(
          `/verfahren/${request.params.id}/schreiben/${letterId}?ok=entworfen`,
          303,
        );
      } catch (error) {
        if (error instanceof AppError && error.code in STATUS) {
          const view = await loadLettersView(letterDeps, request.actor, request.params.id);
          return sendPage(
            reply,
            <LettersPage
              ctx={pageContext(request, reply)}
              view={view}
              errors={error.formErrors('kind')}
            />,
            STATUS[error.code as keyof typeof STATUS],
          );
        }
        throw error;
      }
    },
  );

  app.get(
    '/verfahren/:id/schreiben/:letterId',
    { config: { access: 'procedures:use' }, schema: { params: LetterParams, querystring: Ok } },
    async (request, reply) => {
      const ok = request.query.ok;
      return renderLetter(request, reply, request.params.id, request.params.letterId, {
        message: ok ? MESSAGES[ok] : undefined,
      });
    },
  );

  app.get(
    '/verfahren/:id/schreiben/:letterId/pdf',
    { config: { access: 'procedures:use' }, schema: { params: LetterParams } },
    async (request, reply) => {
      const pdf = await letterPdf({
        deps: letterDeps,
        actor: request.actor,
        procedureId: request.params.id,
        letterId: request.params.letterId,
      });
      reply
        .header('content-type', 'application/pdf')
        .header('cache-control', 'no-store')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(pdf.filename)}`,
        );
      if (pdf.sha256) reply.header('x-content-sha256', pdf.sha256);
      return reply.send(pdf.body);
    },
  );

  const common = (request: { actor: Actor; params: { id: string; letterId: string } }) => ({
    deps: letterDeps,
    actor: request.actor,
    procedureId: request.params.id,
    letterId: request.params.letterId,
  });
  const post = {
    config: { access: 'procedures:use' as const },
    schema: { params: LetterParams, body: Form },
  };

  app.post('/verfahren/:id/schreiben/:letterId/vorlage', post, (request, reply) =>
    act(
      request,
      reply,
      'signatoryId',
      () => requestSignOff({ ...common(request), signatoryId: text(request.body, 'signatoryId') }),
      'vorgelegt',
    ),
  );
  app.post('/verfahren/:id/schreiben/:letterId/zurueckgeben', post, (request, reply) =>
    act(
      request,
      reply,
      'comment',
      () => returnToDrafter({ ...common(request), comment: text(request.body, 'comment') }),
      'zurueckgegeben',
    ),
  );
  app.post('/verfahren/:id/schreiben/:letterId/zeichnen', post, (request, reply) =>
    act(
      request,
      reply,
      'zeichnen',
      async () => void (await signOff(common(request))),
      'gezeichnet',
    ),
  );
  app.post('/verfahren/:id/schreiben/:letterId/zustellen', post, (request, reply) =>
    act(request, reply, 'zustellen', () => deliverLetter(common(request)), 'zugestellt'),
  );
  app.post('/verfahren/:id/schreiben/:letterId/neue-fassung', post, (request, reply) =>
    act(
      request,
      reply,
      'reason',
      () => reviseLetter({ ...common(request), reason: text(request.body, 'reason') }),
      'neue-fassung',
    ),
  );

  app.get('/zeichnung', { config: { access: 'letters:sign-off' } }, async (request, reply) => {
    const items = await listAwaitingSignOff(
      deps.db,
      organisationsWithRoleOf(request.actor, 'supervisor'),
    );
    return sendPage(reply, <SignOffQueuePage ctx={pageContext(request, reply)} items={items} />);
  });
}
