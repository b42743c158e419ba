/**
 * The public "last-mile gap" list of industrial sites and its CSV. GET forms only: filtering
 * works without JavaScript; a bad minimum distance shows the page again with the message at the
 * field and status 400.
 */
import { csvRow, UTF8_BOM } from '../../platform/csv.ts';
import { AppError } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http.ts';
import type { App, Deps } from '../../platform/server.ts';
import {
  lastMileGaps,
  LAST_MILE_PATH,
  parseMinDistance,
  type LastMileRow,
} from './hydrogen.queries.ts';
import { LastMilePage } from './hydrogen.views.tsx';

const CSV_HEADER = [
  'Rang',
  'Standort-Kennung',
  'Standort',
  'Unternehmen',
  'Ort',
  'Branche',
  'CO2-Emissionen 2014 (t)',
  'Emissionsquelle',
  'Abstand zum Wasserstoffnetz (km)',
  'Nächstes Element',
  'Art des Elements',
  'Geplante Inbetriebnahme',
  'Länge (WGS84)',
  'Breite (WGS84)',
];

/** Decimal comma for a German spreadsheet (the separator is ';'). */
function german(value: number | null): string | null {
  return value === null ? null : String(value).replace('.', ',');
}

export function lastMileCsv(rows: readonly LastMileRow[]): string {
  return (
    UTF8_BOM +
    csvRow(CSV_HEADER, ';') +
    rows
      .map((r, i) =>
        csvRow(
          [
            i + 1,
            r.id,
            r.name,
            r.company,
            r.city,
            r.subsector,
            german(r.emissionsT),
            r.emissionsSource,
            german(r.distanceKm),
            r.nearest,
            r.nearestKind,
            r.commissioning,
            german(r.lon),
            german(r.lat),
          ],
          ';',
        ),
      )
      .join('')
  );
}

export function registerHydrogenRoutes(app: App, deps: Deps): void {
  const config = { access: 'public' as const };
  app.get(LAST_MILE_PATH, { config }, async (request, reply) => {
    const value = (request.query as Record<string, unknown>).ab_km;
    let parsed;
    try {
      parsed = parseMinDistance(value);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const raw = typeof value === 'string' ? value : '';
      return sendPage(
        reply,
        <LastMilePage
          ctx={pageContext(request, reply)}
          raw={raw}
          errors={error.formErrors('ab_km')}
          rows={undefined}
        />,
        400,
      );
    }
    const rows = await lastMileGaps(deps.db, parsed.minKm);
    return sendPage(
      reply,
      <LastMilePage ctx={pageContext(request, reply)} raw={parsed.raw} errors={[]} rows={rows} />,
    );
  });

  app.get(`${LAST_MILE_PATH}.csv`, { config }, async (request, reply) => {
    // A bad value gets the German error page (400), like every address outside /api/v1.
    const parsed = parseMinDistance((request.query as Record<string, unknown>).ab_km);
    const rows = await lastMileGaps(deps.db, parsed.minKm);
    return reply
      .header('content-disposition', 'attachment; filename="wasserstoff-letzte-meile.csv"')
      .type('text/csv; charset=utf-8')
      .send(lastMileCsv(rows));
  });
}
