/**
 * The HTML representation of the OGC API (conformance class html): ordinary portal pages with
 * tables, reachable with f=html or a browser's Accept header. This file holds the landing,
 * conformance, collections, collection and API pages and the parts all pages share; the items
 * and item pages are in ogc.items.views.tsx.
 */
import type { VNode } from 'preact';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { formatGermanDateShort } from '../../law/german-format.ts';
import { DataTable } from '../../platform/table.tsx';
import type { FeatureLayer } from '../catalogue/layer.ts';
import { SourceNote } from '../catalogue/source-note.tsx';
import { CONFORMANCE_CLASSES, geometryTitle, type Link } from './ogc.documents.ts';
import { MAX_LIMIT } from './ogc.params.ts';

export const BASE = '/ogc';

function itemsHref(layer: FeatureLayer): string {
  return `${BASE}/collections/${encodeURIComponent(layer.id)}/items?f=html`;
}

export function Breadcrumbs(props: { trail: { href: string; label: string }[] }): VNode {
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
export function MapLink(props: { href: string | undefined }): VNode | null {
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
            /^\d{4}-\d{2}-\d{2}$/.test(layer.source.dataDate)
              ? formatGermanDateShort(layer.source.dataDate)
              : layer.source.dataDate,
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
