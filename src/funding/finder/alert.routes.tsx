import { Type } from '@sinclair/typebox';
import type { FundingProgrammeVersion } from '../../law/funding/index.ts';
import { AppError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import { alertCompanies, removeFundingAlert, saveFundingAlert } from './alert.actions.ts';
import { listFundingAlerts } from './alert.queries.ts';
import { AlertsPage } from './alert.views.tsx';
import { berlinToday } from './finder.routes.tsx';

const SaveBody = Type.Object({
  query: Type.Optional(Type.String({ maxLength: 4000 })),
  label: Type.Optional(Type.String({ maxLength: 400 })),
  _csrf: Type.Optional(Type.String()),
});

/**
 * The Förderfinder's e-mail alerts: a company's applicants save a search from the results page
 * and manage the company's searches here. Forms follow Post/Redirect/Get; another company's
 * alert does not exist for them (404).
 */
export function registerFundingAlertRoutes(
  app: App,
  deps: Deps,
  options: { catalogue: readonly FundingProgrammeVersion[] },
): void {
  app.get(
    '/foerderfinder/benachrichtigungen',
    {
      config: { access: 'funding-alerts:manage' },
      schema: {
        querystring: Type.Object({
          gespeichert: Type.Optional(Type.String({ maxLength: 10 })),
          geloescht: Type.Optional(Type.String({ maxLength: 10 })),
        }),
      },
    },
    async (request, reply) => {
      const alerts = await listFundingAlerts(deps.db, alertCompanies(request.actor));
      const notice =
        request.query.gespeichert === '1'
          ? 'saved'
          : request.query.geloescht === '1'
            ? 'deleted'
            : undefined;
      return sendPage(
        reply,
        <AlertsPage ctx={pageContext(request, reply)} alerts={alerts} notice={notice} />,
      );
    },
  );

  app.post(
    '/foerderfinder/benachrichtigungen',
    { config: { access: 'funding-alerts:manage' }, schema: { body: SaveBody } },
    async (request, reply) => {
      const query = request.body.query ?? '';
      try {
        await saveFundingAlert({
          db: deps.db,
          actor: request.actor,
          query,
          label: request.body.label ?? '',
          today: berlinToday(deps),
          catalogue: options.catalogue,
        });
      } catch (error) {
        // The search comes from the results page; a bad one goes back there with the reason.
        if (error instanceof AppError && error.code === 'validation') {
          const alerts = await listFundingAlerts(deps.db, alertCompanies(request.actor));
          return sendPage(
            reply,
            <AlertsPage
              ctx={pageContext(request, reply)}
              alerts={alerts}
              errors={error.formErrors('label')}
            />,
            400,
          );
        }
        throw error;
      }
      return reply.redirect('/foerderfinder/benachrichtigungen?gespeichert=1', 303);
    },
  );

  app.post(
    '/foerderfinder/benachrichtigungen/:id/loeschen',
    {
      config: { access: 'funding-alerts:manage' },
      schema: { params: Type.Object({ id: Type.String({ format: 'uuid' }) }) },
    },
    async (request, reply) => {
      await removeFundingAlert({ db: deps.db, actor: request.actor, alertId: request.params.id });
      return reply.redirect('/foerderfinder/benachrichtigungen?geloescht=1', 303);
    },
  );
}
