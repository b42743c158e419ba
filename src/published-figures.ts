/**
 * The dashboard's figures as the open-data features see them (catalogue, update feed, data
 * package). Part of the composition root: the dashboard and the open-data features do not import
 * each other; this adapter is the one place that knows both shapes.
 */
import { berlinDate } from './procedures/case/case.queries.ts';
import { computeIndicator } from './dashboard/compute.ts';
import type { RegisterFigures } from './dashboard/compute.imported.ts';
import { listDashboardDatasets } from './dashboard/datasets.ts';
import { INDICATORS } from './dashboard/indicators.ts';
import type { FigureSource, PublishedFigure } from './opendata/published.ts';

/** The dashboard's figures, computed with the register figures the composition root passes. */
export function dashboardFigures(registers: RegisterFigures): FigureSource {
  return {
    async list(context) {
      // Paths, not absolute URLs: the open-data features make them absolute with the portal's URL.
      const datasets = await listDashboardDatasets(context.db, {
        publicUrl: '',
        stand: berlinDate(context.now),
        registers,
      });
      return datasets.flatMap((d): PublishedFigure[] =>
        d.dataDate === undefined
          ? []
          : [
              {
                id: d.id,
                title: d.title,
                description: d.description,
                planPoint: d.planPoint,
                pageUrl: d.pageUrl,
                csvUrl: d.csvUrl,
                jsonUrl: d.jsonUrl,
                csvMetadataUrl: d.csvMetadataUrl,
                source: d.source.url
                  ? { name: d.source.title, url: d.source.url }
                  : { name: d.source.title },
                own: d.source.kind === 'platform',
                licence: d.licence.attribution
                  ? { name: d.licence.name, url: d.licence.url, attribution: d.licence.attribution }
                  : { name: d.licence.name, url: d.licence.url },
                dataDate: d.dataDate,
                updated: d.dataDate,
              },
            ],
      );
    },
    async data(context, figure) {
      const definition = INDICATORS.find((i) => i.id === figure.id);
      if (!definition) return { columns: [], rows: [] };
      const result = await computeIndicator(
        context.db,
        definition,
        berlinDate(context.now),
        registers,
      );
      const columns = result.series.columns.map((c) => ({
        name: c.key,
        title: c.title,
        type: c.type,
        ...(c.unit === undefined ? {} : { unit: c.unit }),
        ...(c.decimals === undefined ? {} : { decimals: c.decimals }),
      }));
      return {
        columns,
        rows: result.series.rows.map((row) => result.series.columns.map((c) => row[c.key] ?? null)),
      };
    },
  };
}
