/**
 * What the open-data catalogue, the feeds and the data package know about a data set the portal
 * publishes. The features that publish data (notices, the award list, the geodata layers, the
 * dashboard's figures) are described in these shapes by the composition root; nothing here
 * reads a feature's internals, so a new publisher appears in the catalogue by adding a provider.
 */
import type { Db } from '../db/database.ts';

/**
 * Themes of the EU "data theme" vocabulary that DCAT-AP prescribes for dcat:theme
 * (http://publications.europa.eu/resource/authority/data-theme/…).
 */
export type DataTheme = 'ECON' | 'ENER' | 'ENVI' | 'GOVE' | 'REGI' | 'TECH' | 'JUST';

/**
 * File types of the EU "file type" vocabulary; DCAT-AP.de convention 32 requires dct:format from
 * it (http://publications.europa.eu/resource/authority/file-type/…).
 */
export type FileType =
  'CSV' | 'JSON' | 'GEOJSON' | 'HTML' | 'ATOM' | 'ZIP' | 'RDF_TURTLE' | 'RDF_XML';

export const MEDIA_TYPES: Record<FileType, string> = {
  CSV: 'text/csv',
  JSON: 'application/json',
  GEOJSON: 'application/geo+json',
  HTML: 'text/html',
  ATOM: 'application/atom+xml',
  ZIP: 'application/zip',
  RDF_TURTLE: 'text/turtle',
  RDF_XML: 'application/rdf+xml',
};

/** A licence as the publisher names it; the catalogue maps it to the DCAT-AP.de licence list. */
export interface DataLicence {
  name: string;
  url?: string;
  /** The attribution the licence requires (dcatde:licenseAttributionByText). */
  attribution?: string;
}

/** One way to get the data: a file, a feed, an API response or a page. */
export interface PublishedDistribution {
  /** Unique within its data set, URL-safe, e.g. 'csv'. */
  id: string;
  title: string;
  /** Absolute URL, or a path on the portal starting with '/'. */
  url: string;
  format: FileType;
  /** Set when the URL returns the whole file (dcat:downloadURL), not only a page or an API. */
  download?: boolean;
  /** Overrides the data set's licence (never needed so far; kept for sources with mixed terms). */
  licence?: DataLicence;
}

export interface PublishedDataset {
  /** URL-safe, stable: the data set's URI is built from it. */
  id: string;
  title: string;
  description: string;
  keywords: readonly string[];
  themes: readonly DataTheme[];
  /** The human page of the data set (absolute or a path on the portal). */
  landingPage: string;
  /** Whose data: the portal's own (Datenlizenz Deutschland) or a named source with its terms. */
  origin: { kind: 'own' } | { kind: 'source'; name: string; url?: string };
  licence: DataLicence;
  /** Set when the licence still needs checking; the catalogue page shows it as „[offen]“. */
  licenceOpen?: boolean;
  /** ISO date or instant the data last changed; undefined when nothing is published yet. */
  modified?: string;
  /** ISO date the data describes (a snapshot's day), shown beside the licence. */
  dataDate?: string;
  /** How often it changes, from the EU frequency vocabulary (dct:accrualPeriodicity). */
  frequency?: 'CONT' | 'DAILY' | 'ANNUAL' | 'IRREG';
  distributions: readonly PublishedDistribution[];
}

/** Everything a provider may read: the database and the request's time. */
export interface DatasetContext {
  db: Db;
  now: Date;
}

/** A feature's contribution to the catalogue. */
export type DatasetProvider = (context: DatasetContext) => Promise<readonly PublishedDataset[]>;

/** A column of a published table (Frictionless Table Schema field types). */
export interface FigureColumn {
  name: string;
  title: string;
  type: 'string' | 'number' | 'integer' | 'boolean' | 'date';
  unit?: string;
  /** Decimal places the chart shows; the package carries the value rounded to them. */
  decimals?: number;
}

export type FigureCell = string | number | boolean | null;

/** The values behind one chart, exactly as plotted. */
export interface FigureData {
  columns: readonly FigureColumn[];
  rows: readonly (readonly FigureCell[])[];
}

/**
 * One figure (chart or indicator) of the monitoring dashboard, as the dashboard lists it: the
 * catalogue describes it, the feed announces its updates and the data package carries its table.
 */
export interface PublishedFigure {
  /** URL-safe, unique across the dashboard, e.g. 'genehmigungsdauer'. */
  id: string;
  title: string;
  description: string;
  /** Plan point (1–7) the figure belongs to, if any. */
  planPoint?: number;
  pageUrl: string;
  csvUrl: string;
  jsonUrl: string;
  /** CSV on the Web metadata of the CSV, if the dashboard offers it. */
  csvMetadataUrl?: string;
  source: { name: string; url?: string };
  /** Platform-computed figures are the portal's own data; imported ones keep their source's terms. */
  own: boolean;
  licence: DataLicence;
  /** ISO date the values describe. */
  dataDate: string;
  /** ISO date or instant the figure last changed (the feed entry's date). */
  updated: string;
}

/** What the dashboard hands to the open-data features. */
export interface FigureSource {
  list(context: DatasetContext): Promise<readonly PublishedFigure[]>;
  data(context: DatasetContext, figure: PublishedFigure): Promise<FigureData>;
}

/** The portal's own absolute URL for a path ('/daten' → 'https://…/daten'). */
export function absoluteUrl(publicUrl: string, pathOrUrl: string): string {
  return /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : new URL(pathOrUrl, publicUrl).toString();
}

/** Until a dashboard provides figures: none (the catalogue, feed and package stay valid). */
export const NO_FIGURES: FigureSource = {
  list: () => Promise.resolve([]),
  data: () => Promise.resolve({ columns: [], rows: [] }),
};
