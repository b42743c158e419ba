/**
 * The data sets the portal publishes, described for the catalogue: public notices and the
 * participation procedures, the award list, every geodata layer (through the layer contract)
 * and every figure of the monitoring dashboard (through the figure source the dashboard
 * provides). The dates come from the data, so a harvester sees when something changed.
 */
import { sql } from 'kysely';
import type { FeatureLayer } from '../registers/catalogue/layer.ts';
import { OWN_LICENCE } from './licences.ts';
import type {
  DatasetProvider,
  DataTheme,
  FigureSource,
  PublishedDataset,
  PublishedFigure,
} from './published.ts';

export const AWARD_FEED_PATH = '/foerderung/vergaben.atom';
export const INDICATOR_FEED_PATH = '/monitoring/aktualisierungen.atom';
export const DATA_PACKAGE_PATH = '/monitoring/datenpaket.zip';

/** Attribution the Datenlizenz Deutschland asks for when the portal's own data is reused. */
export const OWN_ATTRIBUTION = 'Plattform Industrieland, Land Nordrhein-Westfalen';
const OWN = { ...OWN_LICENCE, attribution: OWN_ATTRIBUTION };

/**
 * Public notices are official works: § 5 (1) UrhG exempts official notices (amtliche
 * Bekanntmachungen) from copyright. [open] Whether the summaries the platform adds fall under it
 * too; until signed off they are listed with the notices.
 */
const OFFICIAL_WORK = {
  name: 'Amtliches Werk, lizenzfrei nach § 5 Abs. 1 UrhG',
  url: 'http://dcat-ap.de/def/licenses/officialWork',
};

function iso(value: Date | string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

/** Notices and the procedures in public participation. */
export const noticeDatasets: DatasetProvider = async ({ db }) => {
  const newest = await db
    .selectFrom('notices')
    .select(sql<Date | null>`max(published_at)`.as('at'))
    .executeTakeFirst();
  const modified = iso(newest?.at);
  return [
    {
      id: 'bekanntmachungen',
      title: 'Öffentliche Bekanntmachungen der Genehmigungsbehörden',
      description:
        'Bekanntmachungen zu Genehmigungsverfahren nach dem Bundes-Immissionsschutzgesetz in ' +
        'Nordrhein-Westfalen: Vorhaben mit Auslegung und Einwendungsfrist, Erörterungstermine und ' +
        'Entscheidungen, je mit Behörde, Aktenzeichen und Datum.',
      keywords: [
        'Bekanntmachung',
        'Genehmigungsverfahren',
        'BImSchG',
        'Öffentlichkeitsbeteiligung',
      ],
      themes: ['GOVE', 'ENVI'],
      landingPage: '/bekanntmachungen',
      origin: { kind: 'own' },
      licence: OFFICIAL_WORK,
      licenceOpen: true,
      modified,
      frequency: 'CONT',
      distributions: [
        {
          id: 'html',
          title: 'Liste der Bekanntmachungen',
          url: '/bekanntmachungen',
          format: 'HTML',
        },
        {
          id: 'atom',
          title: 'Atom-Feed neuer Bekanntmachungen',
          url: '/bekanntmachungen/feed.atom',
          format: 'ATOM',
          download: true,
        },
      ],
    },
    {
      id: 'beteiligungsverfahren',
      title: 'Verfahren in der Öffentlichkeitsbeteiligung',
      description:
        'Öffentlich bekannt gemachte Genehmigungsverfahren mit Vorhaben, Behörde, Gemeinde, ' +
        'Auslegungs- und Einwendungsfristen und den Links zu Unterlagen und Einwendung.',
      keywords: ['Öffentlichkeitsbeteiligung', 'Einwendung', 'Auslegung'],
      themes: ['GOVE'],
      landingPage: '/beteiligung',
      origin: { kind: 'own' },
      licence: OWN,
      modified,
      frequency: 'CONT',
      distributions: [
        { id: 'html', title: 'Verfahren (Seite)', url: '/beteiligung', format: 'HTML' },
        {
          id: 'json',
          title: 'Verfahren (JSON-Schnittstelle, seitenweise)',
          url: '/api/v1/participation/procedures?status=all',
          format: 'JSON',
        },
      ],
    },
  ];
};

/** The public award list (Art. 9 (1) (c) AGVO), its files and its feed. */
export const awardDatasets: DatasetProvider = async ({ db, now }) => {
  const newest = await db
    .selectFrom('funding_awards')
    .select(sql<Date | null>`max(published_from)`.as('at'))
    .where('published_from', '<=', now)
    .executeTakeFirst();
  return [
    {
      id: 'gewaehrte-foerderungen',
      title: 'Gewährte Förderungen (Einzelbeihilfen über 100.000 €)',
      description:
        'Einzelbeihilfen über 100.000 € nach Art. 9 Abs. 1 Buchst. c AGVO: Empfänger, Sitz, ' +
        'Förderprogramm, Rechtsgrundlage, Zweck, Bewilligungsbehörde, Betrag und Datum. ' +
        'Veröffentlicht mit der Bewilligung.',
      keywords: ['Förderung', 'Beihilfe', 'AGVO', 'Transparenz'],
      themes: ['ECON', 'GOVE'],
      landingPage: '/foerderung/vergaben',
      origin: { kind: 'own' },
      licence: OWN,
      modified: iso(newest?.at),
      frequency: 'CONT',
      distributions: [
        { id: 'html', title: 'Liste (Seite)', url: '/foerderung/vergaben', format: 'HTML' },
        {
          id: 'csv',
          title: 'Alle Förderungen (CSV)',
          url: '/foerderung/vergaben.csv',
          format: 'CSV',
          download: true,
        },
        {
          id: 'json',
          title: 'Alle Förderungen (JSON nach dem 360Giving-Standard)',
          url: '/foerderung/vergaben.json',
          format: 'JSON',
          download: true,
        },
        {
          id: 'atom',
          title: 'Atom-Feed neuer Förderungen',
          url: AWARD_FEED_PATH,
          format: 'ATOM',
          download: true,
        },
      ],
    },
  ];
};

/** Sites and emissions are about the economy and land use; the rest of the layers are energy. */
function layerThemes(layer: FeatureLayer): DataTheme[] {
  const key = `${layer.id} ${layer.title}`.toLowerCase();
  if (/site|fläche|standort|brach/.test(key)) return ['ECON', 'REGI'];
  if (/emission|industr/.test(key)) return ['ENVI', 'ECON'];
  return ['ENER', 'REGI'];
}

/** Every geodata layer with its OGC API – Features collection (GeoJSON and HTML). */
export function layerDatasets(layers: readonly FeatureLayer[]): DatasetProvider {
  return () =>
    Promise.resolve(
      layers.map((layer): PublishedDataset => {
        const collection = `/ogc/collections/${encodeURIComponent(layer.id)}`;
        return {
          id: `geodaten-${layer.id}`,
          title: layer.title,
          description: layer.description,
          keywords: ['Geodaten', layer.title],
          themes: layerThemes(layer),
          landingPage: `${collection}?f=html`,
          origin: { kind: 'source', name: layer.source.name, url: layer.source.url },
          licence: {
            name: layer.source.licence,
            url: layer.source.licenceUrl,
            attribution: layer.source.attribution,
          },
          licenceOpen: layer.source.licenceOpen,
          modified: layer.source.dataDate,
          dataDate: layer.source.dataDate,
          distributions: [
            {
              id: 'geojson',
              title: 'Objekte als GeoJSON (OGC API – Features, seitenweise)',
              url: `${collection}/items?f=json`,
              format: 'GEOJSON',
            },
            {
              id: 'html',
              title: 'Sammlung als Seite (OGC API – Features)',
              url: `${collection}?f=html`,
              format: 'HTML',
            },
          ],
        };
      }),
    );
}

function figureDataset(figure: PublishedFigure): PublishedDataset {
  return {
    id: `kennzahl-${figure.id}`,
    title: figure.title,
    description: `${figure.description} Quelle: ${figure.source.name}.`,
    keywords: [
      'Monitoring',
      'Kennzahl',
      ...(figure.planPoint ? [`Punkt ${figure.planPoint} des Plans`] : []),
    ],
    themes: ['ECON', 'GOVE'],
    landingPage: figure.pageUrl,
    origin: figure.own
      ? { kind: 'own' }
      : { kind: 'source', name: figure.source.name, url: figure.source.url },
    licence: figure.own ? { ...OWN, ...figure.licence } : figure.licence,
    modified: figure.updated,
    dataDate: figure.dataDate,
    distributions: [
      {
        id: 'html',
        title: 'Kennzahl mit Diagramm und Tabelle',
        url: figure.pageUrl,
        format: 'HTML',
      },
      { id: 'csv', title: 'Werte (CSV)', url: figure.csvUrl, format: 'CSV', download: true },
      { id: 'json', title: 'Werte (JSON)', url: figure.jsonUrl, format: 'JSON', download: true },
      ...(figure.csvMetadataUrl
        ? [
            {
              id: 'csvw',
              title: 'Beschreibung der CSV-Datei (CSV on the Web)',
              url: figure.csvMetadataUrl,
              format: 'JSON' as const,
              download: true,
            },
          ]
        : []),
    ],
  };
}

/** Every figure of the dashboard, and the dashboard as a whole (data package and feed). */
export function figureDatasets(source: FigureSource): DatasetProvider {
  return async (context) => {
    const figures = await source.list(context);
    const newest = figures.map((f) => f.updated).sort();
    const whole: PublishedDataset = {
      id: 'monitoring-datenpaket',
      title: 'Monitoring der industriellen Transformation: alle Kennzahlen',
      description:
        'Alle Kennzahlen des Monitorings als ein Datenpaket (Frictionless Data Package): je ' +
        'Kennzahl eine CSV-Datei mit Tabellenschema, Quelle, Lizenz und Datenstand.',
      keywords: ['Monitoring', 'Datenpaket', 'Kennzahlen'],
      themes: ['ECON', 'GOVE'],
      landingPage: '/monitoring',
      origin: { kind: 'own' },
      licence: OWN,
      modified: newest[newest.length - 1],
      distributions: [
        {
          id: 'zip',
          title: 'Datenpaket (ZIP mit datapackage.json und CSV-Dateien)',
          url: DATA_PACKAGE_PATH,
          format: 'ZIP',
          download: true,
        },
        {
          id: 'atom',
          title: 'Atom-Feed der Aktualisierungen',
          url: INDICATOR_FEED_PATH,
          format: 'ATOM',
          download: true,
        },
      ],
    };
    return figures.length === 0 ? [] : [whole, ...figures.map(figureDataset)];
  };
}

/** The data sets of every provider, in order; two with the same id are a programming error. */
export async function collectDatasets(
  providers: readonly DatasetProvider[],
  context: Parameters<DatasetProvider>[0],
): Promise<PublishedDataset[]> {
  const lists = await Promise.all(providers.map((provider) => provider(context)));
  const datasets = lists.flat();
  const seen = new Set<string>();
  for (const d of datasets) {
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(d.id) || seen.has(d.id)) {
      throw new Error(`Datensatz-ID ungültig oder doppelt: ${d.id}`);
    }
    seen.add(d.id);
  }
  return datasets;
}
