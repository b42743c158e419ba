/** OGC API HTML pages of a collection's features: the items table (bbox/limit form, paging), one item. */
import type { VNode } from 'preact';
import { ErrorSummary, SubmitButton, TextField } from '../../platform/forms.tsx';
import type { FieldError } from '../../platform/errors.ts';
import { Layout, type PageContext } from '../../platform/layout.tsx';
import { DataTable } from '../../platform/table.tsx';
import type { FeatureLayer, LayerFeature } from '../catalogue/layer.ts';
import { formatValue, SourceNote } from '../catalogue/source-note.tsx';
import { MAX_LIMIT } from './ogc.params.ts';
import { BASE, Breadcrumbs, MapLink } from './ogc.views.tsx';

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
