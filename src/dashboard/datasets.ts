/**
 * Every chart of the dashboard as a data set, for the open-data catalogue (DCAT-AP.de), the Atom
 * feed of indicator updates and the data package: title, description, source, licence, dates
 * and the addresses of its files.
 */
import type { Db } from '../db/database.ts';
import { computeIndicator } from './compute.ts';
import type { RegisterFigures } from './compute.imported.ts';
import { indicatorPath } from './dashboard.files.ts';
import type { Licence, SourceRef } from './indicator.types.ts';
import { INDICATORS } from './indicators.ts';

export interface DashboardDataset {
  id: string;
  title: string;
  description: string;
  planPoint: number;
  version: number;
  /** Who publishes the figures (the platform for live indicators). */
  source: SourceRef;
  licence: Licence;
  /** The date of the newest data behind the figures; undefined while there are none. */
  dataDate: string | undefined;
  /** The day the figures describe (today unless asked for another stand). */
  stand: string;
  pageUrl: string;
  embedUrl: string;
  csvUrl: string;
  csvMetadataUrl: string;
  jsonUrl: string;
  /** The finer rows behind the figures (anonymised cases or per-Gemeinde values), if any. */
  detailsCsvUrl: string | undefined;
}

/** `publicUrl` is the portal's address (config.publicUrl), with or without a trailing slash. */
export async function listDashboardDatasets(
  db: Db,
  options: { publicUrl: string; stand: string; registers?: RegisterFigures },
): Promise<DashboardDataset[]> {
  const base = options.publicUrl.replace(/\/+$/, '');
  const datasets: DashboardDataset[] = [];
  for (const definition of INDICATORS) {
    const result = await computeIndicator(db, definition, options.stand, options.registers);
    const page = `${base}${indicatorPath(definition.id)}`;
    datasets.push({
      id: definition.id,
      title: definition.title,
      description: definition.description,
      planPoint: definition.planPoint,
      version: definition.version,
      source: definition.source,
      licence: definition.licence,
      dataDate: result.dataDate,
      stand: options.stand,
      pageUrl: page,
      embedUrl: `${page}/einbetten`,
      csvUrl: `${page}/daten.csv`,
      csvMetadataUrl: `${page}/daten.csv-metadata.json`,
      jsonUrl: `${page}/daten.json`,
      detailsCsvUrl: result.details ? `${page}/einzelwerte.csv` : undefined,
    });
  }
  return datasets;
}
