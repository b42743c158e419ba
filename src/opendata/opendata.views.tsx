/** The public open-data page: every published data set with its licence, date and files. */
import type { VNode } from 'preact';
import { formatGermanDate } from '../law/german-format.ts';
import { Layout, type PageContext } from '../platform/layout.tsx';
import { AWARD_FEED_PATH, INDICATOR_FEED_PATH } from './datasets.ts';
import { licenceIri } from './licences.ts';
import type { FileType, PublishedDataset } from './published.ts';

export const OPEN_DATA_PATH = '/daten';

export const OPEN_DATA_FEEDS = [
  { href: '/bekanntmachungen/feed.atom', title: 'Bekanntmachungen (Atom-Feed)' },
  { href: AWARD_FEED_PATH, title: 'Gewährte Förderungen (Atom-Feed)' },
  { href: INDICATOR_FEED_PATH, title: 'Aktualisierungen der Kennzahlen (Atom-Feed)' },
] as const;

const FORMAT_LABELS: Record<FileType, string> = {
  CSV: 'CSV',
  JSON: 'JSON',
  GEOJSON: 'GeoJSON',
  HTML: 'Webseite',
  ATOM: 'Atom-Feed',
  ZIP: 'ZIP',
  RDF_TURTLE: 'RDF (Turtle)',
  RDF_XML: 'RDF/XML',
};

/** A day for a date or an instant, in German. */
function day(value: string): string {
  return formatGermanDate(value.slice(0, 10), { weekday: false });
}

function Licence(props: { dataset: PublishedDataset }): VNode {
  const { licence } = props.dataset;
  const unchecked = props.dataset.licenceOpen || !licenceIri(licence).recognised;
  return (
    <>
      {licence.url ? (
        <a class="kern-link" href={licence.url}>
          {licence.name}
        </a>
      ) : (
        licence.name
      )}
      {unchecked ? ' [offen: Lizenz wird noch geprüft]' : ''}
      {licence.attribution ? `; Namensnennung: „${licence.attribution}“` : ''}
    </>
  );
}

function Dataset(props: { dataset: PublishedDataset }): VNode {
  const d = props.dataset;
  const origin = d.origin.kind === 'own' ? 'Plattform Industrieland' : d.origin.name;
  return (
    <section class="kern-stack" id={`datensatz-${d.id}`} aria-labelledby={`titel-${d.id}`}>
      <h3 class="kern-heading-small" id={`titel-${d.id}`}>
        <a class="kern-link" href={d.landingPage}>
          {d.title}
        </a>
      </h3>
      <p class="kern-body">{d.description}</p>
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">Herkunft</dt>
          <dd class="kern-description-list-item__value">{origin}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">Lizenz</dt>
          <dd class="kern-description-list-item__value">
            <Licence dataset={d} />
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">Stand</dt>
          <dd class="kern-description-list-item__value">
            {d.modified ? day(d.modified) : 'noch nichts veröffentlicht'}
            {d.dataDate && d.dataDate !== d.modified ? ` (Daten vom ${day(d.dataDate)})` : ''}
          </dd>
        </div>
      </dl>
      <ul class="kern-list kern-list--bullet">
        {d.distributions.map((x) => (
          <li key={x.id}>
            <a class="kern-link" href={x.url}>
              {x.title}
            </a>{' '}
            ({FORMAT_LABELS[x.format]})
          </li>
        ))}
      </ul>
    </section>
  );
}

export function OpenDataPage(props: { ctx: PageContext; datasets: PublishedDataset[] }): VNode {
  return (
    <Layout ctx={props.ctx} title="Offene Daten" feeds={OPEN_DATA_FEEDS}>
      <h1 class="kern-heading-large">Offene Daten</h1>
      <p class="kern-body">
        Alle Daten, die die Plattform veröffentlicht, mit Lizenz, Stand und Dateien. Eigene Daten
        stehen unter der Datenlizenz Deutschland – Namensnennung – Version 2.0; Daten anderer
        Stellen unter deren Lizenz. Datenportale können den Katalog im Standard DCAT-AP.de abrufen:{' '}
        <a class="kern-link" href="/daten/katalog.rdf">
          Katalog als RDF/XML
        </a>
        ,{' '}
        <a class="kern-link" href="/daten/katalog.ttl">
          Katalog als Turtle
        </a>
        .
      </p>
      <h2 class="kern-heading-medium">Feeds</h2>
      <ul class="kern-list kern-list--bullet">
        {OPEN_DATA_FEEDS.map((feed) => (
          <li key={feed.href}>
            <a class="kern-link" href={feed.href}>
              {feed.title}
            </a>
          </li>
        ))}
      </ul>
      <h2 class="kern-heading-medium">Datensätze ({props.datasets.length})</h2>
      {props.datasets.map((d) => (
        <Dataset key={d.id} dataset={d} />
      ))}
    </Layout>
  );
}
