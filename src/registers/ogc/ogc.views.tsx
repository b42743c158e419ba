/**
 * The HTML representation of the OGC API (conformance class html): ordinary portal pages with
 * tables, reachable with f=html or a browser's Accept header. The items page has a GET form for
 * bbox and limit, so filtering and paging work without JavaScript.
 */
import type { VNode } from 'preact';
import { ErrorSummary, SubmitButton, TextField } from '../../platform/forms.tsx';
import type { FieldError } from '../../platform/errors.ts';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable } from '../../platform/table.tsx';
import type { FeatureLayer, LayerFeature } from '../catalogue/layer.ts';
import { formatValue, SourceNote } from '../catalogue/source-note.tsx';
import { CONFORMANCE_CLASSES, geometryTitle, type Link } from './ogc.documents.ts';
import { MAX_LIMIT } from './ogc.params.ts';

const BASE = '/ogc';

function itemsHref(layer: FeatureLayer): string {
  return `${BASE}/collections/${encodeURIComponent(layer.id)}/items?f=html`;
}

function Breadcrumbs(props: { trail: { href: string; label: string }[] }): VNode {
  return (
    <nav aria-label="Brotkrumen" class="kern-body--small">
      <ol class="kern-list kern-list--horizontal">
        {props.trail.map((step) => (
          <li key={step.href}>
            <a class="kern-link" href={step.href}>
              {step.label}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The map page with the layer, for layers the map can show (the routes decide). */
function MapLink(props: { href: string | undefined }): VNode | null {
  if (!props.href) return null;
  return (
    <p class="kern-body">
      <a class="kern-link" href={props.href}>
        Auf der Karte zeigen
      </a>
    </p>
  );
}

function LinkList(props: { links: Link[] }): VNode {
  return (
    <ul class="kern-list">
      {props.links.map((link) => (
        <li key={link.href + link.rel}>
          <a class="kern-link" href={link.href} type={link.type}>
            {link.title ?? link.href}
          </a>{' '}
          <span class="kern-body--small">
            (rel „{link.rel}“{link.type ? `, ${link.type}` : ''})
          </span>
        </li>
      ))}
    </ul>
  );
}

export function LandingPage(props: {
  ctx: PageContext;
  title: string;
  description: string;
  links: Link[];
}): VNode {
  return (
    <Layout ctx={props.ctx} title="Geodaten-Schnittstelle">
      <h1 class="kern-heading-large">{props.title}</h1>
      <p class="kern-body">{props.description}</p>
      <p class="kern-body">
        GIS-Programme (z. B. QGIS: „Layer hinzufügen“ → „WFS / OGC API – Features“) lesen die Ebenen
        direkt von dieser Adresse.
      </p>
      <h2 class="kern-heading-medium">Einstiege</h2>
      <LinkList links={props.links.filter((l) => l.rel !== 'self')} />
    </Layout>
  );
}

export function ConformancePage(props: { ctx: PageContext }): VNode {
  return (
    <Layout ctx={props.ctx} title="Konformitätsklassen">
      <Breadcrumbs trail={[{ href: `${BASE}?f=html`, label: 'Geodaten-Schnittstelle' }]} />
      <h1 class="kern-heading-large">Konformitätsklassen</h1>
      <p class="kern-body">
        Diese Schnittstelle erfüllt folgende Klassen von OGC API – Features, Teil 1:
      </p>
      <ul class="kern-list">
        {CONFORMANCE_CLASSES.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function CollectionsPage(props: {
  ctx: PageContext;
  layers: readonly FeatureLayer[];
}): VNode {
  return (
    <Layout ctx={props.ctx} title="Sammlungen (Geodaten-Ebenen)">
      <Breadcrumbs trail={[{ href: `${BASE}?f=html`, label: 'Geodaten-Schnittstelle' }]} />
      <h1 class="kern-heading-large">Sammlungen (Geodaten-Ebenen)</h1>
      <DataTable
        caption="Alle Ebenen mit Quelle und Datenstand"
        hideCaption
        rowHeader={0}
        columns={['Ebene', 'Geometrie', 'Quelle', 'Datenstand', 'Objekte']}
        rows={props.layers.map((layer) => ({
          key: layer.id,
          cells: [
            <a
              class="kern-link"
              href={`${BASE}/collections/${encodeURIComponent(layer.id)}?f=html`}
            >
              {layer.title}
            </a>,
            geometryTitle(layer.geometry),
            layer.source.name,
            layer.source.dataDate,
            <a class="kern-link" href={itemsHref(layer)}>
              Objekte ansehen<span class="kern-sr-only">: {layer.title}</span>
            </a>,
          ],
        }))}
      />
    </Layout>
  );
}

export function CollectionPage(props: {
  ctx: PageContext;
  layer: FeatureLayer;
  extent: readonly number[] | undefined;
  mapHref?: string;
}): VNode {
  const { layer } = props;
  const geojson = `${BASE}/collections/${encodeURIComponent(layer.id)}/items?f=json`;
  return (
    <Layout ctx={props.ctx} title={layer.title}>
      <Breadcrumbs
        trail={[
          { href: `${BASE}?f=html`, label: 'Geodaten-Schnittstelle' },
          { href: `${BASE}/collections?f=html`, label: 'Sammlungen' },
        ]}
      />
      <h1 class="kern-heading-large">{layer.title}</h1>
      <p class="kern-body">{layer.description}</p>
      <SourceNote source={layer.source} />
      <MapLink href={props.mapHref} />
      <ul class="kern-list">
        <li>
          <a class="kern-link" href={itemsHref(layer)}>
            Objekte als Tabelle
          </a>
        </li>
        <li>
          <a class="kern-link" href={geojson} type="application/geo+json">
            Objekte als GeoJSON
          </a>
        </li>
      </ul>
      <p class="kern-body">
        Geometrie: {geometryTitle(layer.geometry)}. Koordinatensystem: WGS84-Länge/Breite (CRS84).
        {props.extent
          ? ` Ausdehnung: ${props.extent.map((v) => v.toLocaleString('de-DE', { maximumFractionDigits: 4 })).join(' / ')} (West / Süd / Ost / Nord).`
          : ' Die Ebene enthält zurzeit keine Objekte.'}
      </p>
      <DataTable
        caption="Eigenschaften der Objekte"
        columns={['Name', 'Bedeutung', 'Typ', 'Einheit']}
        rowHeader={0}
        rows={layer.properties.map((p) => ({
          key: p.name,
          cells: [<code>{p.name}</code>, p.title, p.type, p.unit ?? '–'],
        }))}
      />
    </Layout>
  );
}

export interface ItemsView {
  layer: FeatureLayer;
  features: LayerFeature[];
  numberMatched: number;
  offset: number;
  next: string | undefined;
  prev: string | undefined;
  values: { bbox: string; limit: string };
  errors: FieldError[];
  /** The map with the layer (and the chosen box); absent for a layer the map cannot show. */
  mapHref?: string;
}

export function ItemsPage(props: { ctx: PageContext; view: ItemsView }): VNode {
  const { layer, features, numberMatched, offset, errors } = props.view;
  const columns = layer.properties;
  const first = offset + 1;
  const last = offset + features.length;
  return (
    <Layout ctx={props.ctx} title={`${layer.title} – Objekte`} hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} />
      <Breadcrumbs
        trail={[
          { href: `${BASE}?f=html`, label: 'Geodaten-Schnittstelle' },
          { href: `${BASE}/collections?f=html`, label: 'Sammlungen' },
          {
            href: `${BASE}/collections/${encodeURIComponent(layer.id)}?f=html`,
            label: layer.title,
          },
        ]}
      />
      <h1 class="kern-heading-large">{layer.title} – Objekte</h1>
      <MapLink href={props.view.mapHref} />
      <form
        method="get"
        action={`${BASE}/collections/${encodeURIComponent(layer.id)}/items`}
        class="kern-body"
      >
        <input type="hidden" name="f" value="html" />
        <TextField
          name="bbox"
          label="Ausschnitt (bbox)"
          hint="Vier Zahlen West,Süd,Ost,Nord in Grad, z. B. 6.5,51.0,7.5,51.7; leer für ganz NRW."
          value={props.view.values.bbox}
          required={false}
          errors={errors}
        />
        <TextField
          name="limit"
          label="Objekte je Seite"
          hint={`1 bis ${MAX_LIMIT.toLocaleString('de-DE')}.`}
          value={props.view.values.limit}
          required={false}
          inputMode="numeric"
          width="width-4"
          errors={errors}
        />
        <SubmitButton>Anzeigen</SubmitButton>
      </form>
      {errors.length === 0 ? (
        <>
          <p class="kern-body" role="status">
            {numberMatched === 0
              ? 'Keine Objekte in dieser Auswahl.'
              : `Objekte ${first.toLocaleString('de-DE')} bis ${last.toLocaleString('de-DE')} von ${numberMatched.toLocaleString('de-DE')}.`}
          </p>
          {features.length > 0 ? (
            <DataTable
              caption={`${layer.title}: Objekte ${first} bis ${last}`}
              hideCaption
              small
              rowHeader={0}
              columns={[
                'Kennung',
                ...columns.map((c) => ({
                  label: c.unit ? `${c.title} (${c.unit})` : c.title,
                  numeric: c.type === 'number' || c.type === 'integer',
                })),
              ]}
              rows={features.map((f) => ({
                key: f.id,
                cells: [
                  <a
                    class="kern-link"
                    href={`${BASE}/collections/${encodeURIComponent(layer.id)}/items/${encodeURIComponent(f.id)}?f=html`}
                  >
                    {f.id}
                  </a>,
                  ...columns.map((c) => formatValue(f.properties[c.name])),
                ],
              }))}
            />
          ) : null}
          {props.view.prev || props.view.next ? (
            <nav aria-label="Seiten der Objektliste" class="kern-body">
              <ul class="kern-list kern-list--horizontal">
                {props.view.prev ? (
                  <li>
                    <a class="kern-link" href={props.view.prev} rel="prev">
                      Vorherige Seite
                    </a>
                  </li>
                ) : null}
                {props.view.next ? (
                  <li>
                    <a class="kern-link" href={props.view.next} rel="next">
                      Nächste Seite
                    </a>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
        </>
      ) : null}
      <SourceNote source={layer.source} />
    </Layout>
  );
}

function geometrySummary(geometry: GeoJSON.Geometry): string {
  if (geometry.type === 'Point') {
    const [lon, lat] = geometry.coordinates;
    return `Punkt bei ${lat!.toLocaleString('de-DE', { maximumFractionDigits: 6 })}° N, ${lon!.toLocaleString('de-DE', { maximumFractionDigits: 6 })}° O`;
  }
  const count =
    JSON.stringify('coordinates' in geometry ? geometry.coordinates : []).match(/\[-?\d/g)
      ?.length ?? 0;
  const kind: Record<string, string> = {
    LineString: 'Linie',
    MultiLineString: 'Linienzug aus mehreren Teilen',
    Polygon: 'Fläche',
    MultiPolygon: 'Fläche aus mehreren Teilen',
  };
  return `${kind[geometry.type] ?? geometry.type} mit ${count.toLocaleString('de-DE')} Stützpunkten`;
}

export function ItemPage(props: {
  ctx: PageContext;
  layer: FeatureLayer;
  feature: LayerFeature;
  /** The map with the layer, focused on the feature. */
  mapHref?: string;
}): VNode {
  const { layer, feature } = props;
  const label = formatValue(feature.properties[layer.labelProperty]);
  const collection = `${BASE}/collections/${encodeURIComponent(layer.id)}`;
  return (
    <Layout ctx={props.ctx} title={`${label} – ${layer.title}`}>
      <Breadcrumbs
        trail={[
          { href: `${BASE}?f=html`, label: 'Geodaten-Schnittstelle' },
          { href: `${BASE}/collections?f=html`, label: 'Sammlungen' },
          { href: `${collection}?f=html`, label: layer.title },
          { href: `${collection}/items?f=html`, label: 'Objekte' },
        ]}
      />
      <h1 class="kern-heading-large">{label}</h1>
      <p class="kern-body">
        {layer.title}, Kennung {feature.id}. {geometrySummary(feature.geometry)}.
      </p>
      <DataTable
        caption="Eigenschaften"
        hideCaption
        rowHeader={0}
        columns={['Eigenschaft', 'Wert']}
        rows={layer.properties.map((p) => ({
          key: p.name,
          cells: [p.title, formatValue(feature.properties[p.name], p.unit)],
        }))}
      />
      <p class="kern-body">
        <a
          class="kern-link"
          href={`${collection}/items/${encodeURIComponent(feature.id)}?f=json`}
          type="application/geo+json"
        >
          Dieses Objekt als GeoJSON
        </a>
      </p>
      <MapLink href={props.mapHref} />
      <SourceNote source={layer.source} />
    </Layout>
  );
}

export function ApiDocPage(props: {
  ctx: PageContext;
  operations: { method: string; path: string; summary: string }[];
}): VNode {
  return (
    <Layout ctx={props.ctx} title="Geodaten-Schnittstelle: Beschreibung">
      <Breadcrumbs trail={[{ href: `${BASE}?f=html`, label: 'Geodaten-Schnittstelle' }]} />
      <h1 class="kern-heading-large">Geodaten-Schnittstelle: Beschreibung</h1>
      <p class="kern-body">
        Die maschinenlesbare Beschreibung (OpenAPI 3.0) steht unter{' '}
        <a class="kern-link" href={`${BASE}/api?f=json`}>
          /ogc/api
        </a>
        . Alle Adressen sind öffentlich und lesend; Fehler kommen als application/problem+json mit
        deutscher Meldung.
      </p>
      <DataTable
        caption="Operationen"
        hideCaption
        rowHeader={1}
        columns={['Methode', 'Adresse', 'Zweck']}
        rows={props.operations.map((op) => ({
          key: op.path,
          cells: [op.method, <code>{`${BASE}${op.path === '/' ? '' : op.path}`}</code>, op.summary],
        }))}
      />
      <h2 class="kern-heading-medium">Parameter der Objektabfrage</h2>
      <ul class="kern-list">
        <li>
          <code>limit</code>: Objekte je Seite, 1 bis {MAX_LIMIT.toLocaleString('de-DE')}, Vorgabe
          10.
        </li>
        <li>
          <code>offset</code>: übersprungene Objekte; die Links „next“ und „prev“ setzen ihn.
        </li>
        <li>
          <code>bbox</code>: West,Süd,Ost,Nord in Grad (CRS84).
        </li>
        <li>
          <code>datetime</code>: Stand eines versionierten Registers an einem Tag (RFC 3339).
        </li>
        <li>
          <code>f</code>: <code>json</code> oder <code>html</code>.
        </li>
      </ul>
    </Layout>
  );
}
