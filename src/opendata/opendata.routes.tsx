/**
 * Open data, public and without login: the catalogue page and its DCAT-AP.de files, the Atom
 * feeds of awards and figure updates, and the dashboard's data package. The composition root
 * passes the providers (which data sets exist) and the dashboard's figure source.
 */
import { pageContext, sendPage } from '../platform/http.ts';
import type { App, Deps } from '../platform/server.ts';
import { collectFigures, dataPackageZip } from './datapackage.ts';
import { catalogueGraph } from './dcat.graph.ts';
import { toRdfXml, toTurtle } from './dcat.write.ts';
import {
  AWARD_FEED_PATH,
  collectDatasets,
  DATA_PACKAGE_PATH,
  INDICATOR_FEED_PATH,
} from './datasets.ts';
import { awardFeed, indicatorFeed } from './feeds.ts';
import { OpenDataPage, OPEN_DATA_PATH } from './opendata.views.tsx';
import type { DatasetProvider, FigureSource } from './published.ts';

export interface OpenDataOptions {
  providers: readonly DatasetProvider[];
  figures: FigureSource;
}

const config = { access: 'public' as const };
const ATOM = 'application/atom+xml; charset=utf-8';

export function registerOpenDataRoutes(app: App, deps: Deps, options: OpenDataOptions): void {
  const context = () => ({ db: deps.db, now: deps.clock.now() });
  const graph = async () => {
    const ctx = context();
    const datasets = await collectDatasets(options.providers, ctx);
    return catalogueGraph(datasets, { publicUrl: deps.config.publicUrl, now: ctx.now });
  };

  app.get(OPEN_DATA_PATH, { config }, async (request, reply) => {
    const datasets = await collectDatasets(options.providers, context());
    return sendPage(reply, <OpenDataPage ctx={pageContext(request, reply)} datasets={datasets} />);
  });

  app.get(`${OPEN_DATA_PATH}/katalog.ttl`, { config }, async (_request, reply) =>
    reply.type('text/turtle; charset=utf-8').send(await toTurtle(await graph())),
  );

  app.get(`${OPEN_DATA_PATH}/katalog.rdf`, { config }, async (_request, reply) =>
    reply.type('application/rdf+xml; charset=utf-8').send(toRdfXml(await graph())),
  );

  app.get(AWARD_FEED_PATH, { config }, async (_request, reply) =>
    reply.type(ATOM).send(await awardFeed(context(), deps.config.publicUrl)),
  );

  app.get(INDICATOR_FEED_PATH, { config }, async (_request, reply) => {
    const figures = await options.figures.list(context());
    return reply.type(ATOM).send(indicatorFeed(figures, deps.config.publicUrl));
  });

  app.get(DATA_PACKAGE_PATH, { config }, async (_request, reply) => {
    const ctx = context();
    const figures = await collectFigures(options.figures, ctx);
    const day = ctx.now.toISOString().slice(0, 10);
    return reply
      .type('application/zip')
      .header('content-disposition', `attachment; filename="monitoring-datenpaket-${day}.zip"`)
      .send(dataPackageZip(figures, { publicUrl: deps.config.publicUrl, now: ctx.now }));
  });
}
