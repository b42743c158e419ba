/**
 * Server-rendered SVG map of NRW with one link per marker. Works without JavaScript and without
 * tile servers: the outline is inline path data. Each marker is a real <a>, so keyboard and
 * screen-reader users reach every procedure; the figcaption says what is not on the map.
 */
import type { VNode } from 'preact';
import { layoutMarkers, FOCUS_RADIUS, MARKER_RADIUS, type MapMarker } from './markers.ts';
import { boundaryPath, nrwProjection } from './projection.ts';

export type { MapMarker } from './markers.ts';

/** Marker and focus colours have ≥ 3:1 contrast against the land fill (WCAG 1.4.11). */
export const MAP_COLOURS = {
  land: '#eef1f6',
  border: '#5b6473',
  marker: '#0b4a9e',
  markerHover: '#062e63',
  markerEdge: '#ffffff',
  focus: '#131525',
  leader: '#3d4450',
} as const;

const C = MAP_COLOURS;

export const NRW_MAP_CSS = `
.nrw-map { margin: 0 0 1.5rem; max-width: 48rem; }
.nrw-map__svg { display: block; width: 100%; height: auto; }
.nrw-map__land { fill: ${C.land}; stroke: ${C.border}; stroke-width: 1.5; stroke-linejoin: round; }
.nrw-map__leader { stroke: ${C.leader}; stroke-width: 1.5; }
.nrw-map__hub { fill: ${C.leader}; }
.nrw-map__dot { fill: ${C.marker}; stroke: ${C.markerEdge}; stroke-width: 2; }
.nrw-map__ring { fill: transparent; stroke: none; }
.nrw-map__marker { cursor: pointer; }
.nrw-map__marker:hover .nrw-map__dot { fill: ${C.markerHover}; }
.nrw-map__marker:focus { outline: none; }
.nrw-map__marker:focus .nrw-map__ring { stroke: ${C.focus}; stroke-width: 3; }
.nrw-map__marker:focus .nrw-map__dot { fill: ${C.markerHover}; }
.nrw-map__caption { margin-top: 0.5rem; font-size: 0.875rem; }
.nrw-map__caption p { margin: 0.25rem 0 0; }
@media (forced-colors: active) {
  .nrw-map__land { fill: Canvas; stroke: CanvasText; }
  .nrw-map__dot { fill: LinkText; stroke: Canvas; }
  .nrw-map__leader { stroke: CanvasText; }
  .nrw-map__hub { fill: CanvasText; }
  .nrw-map__marker:focus .nrw-map__ring { stroke: Highlight; }
}
`.trim();

/** Only same-site paths and http(s) URLs: a "javascript:" href would run on click. */
function assertSafeHref(href: string): void {
  if (!/^(\/(?![/\\])|https?:\/\/)/i.test(href)) {
    throw new Error(`NrwMap: unzulässige Linkadresse ${JSON.stringify(href)}`);
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function markerName(marker: MapMarker): string {
  return marker.status ? `${marker.label} – ${marker.status}` : marker.label;
}

function MapCaption(props: { shown: number; skipped: number; fanned: boolean }): VNode {
  const { shown, skipped } = props;
  return (
    <figcaption class="nrw-map__caption">
      <p>
        {shown === 0
          ? 'Auf der Karte ist kein Verfahren eingezeichnet.'
          : shown === 1
            ? 'Die Karte zeigt 1 Verfahren; der Punkt führt zur Verfahrensseite.'
            : `Die Karte zeigt ${shown} Verfahren; jeder Punkt führt zur Verfahrensseite.`}
        {props.fanned
          ? ' Dicht beieinanderliegende Verfahren sind aufgefächert; eine Linie führt zum Standort.'
          : ''}
      </p>
      {skipped > 0 ? (
        <p class="nrw-map__skipped">
          {skipped === 1
            ? '1 Verfahren hat keinen Standort in Nordrhein-Westfalen und ist nicht eingezeichnet.'
            : `${skipped} Verfahren haben keinen Standort in Nordrhein-Westfalen und sind nicht eingezeichnet.`}
        </p>
      ) : null}
      {/* Required attribution for the outline, see data/SOURCES.md. */}
      <p class="nrw-map__attribution">
        Kartengrundlage: © GeoBasis-DE / BKG 2021 (Daten verändert),{' '}
        <a class="kern-link" href="https://www.govdata.de/dl-de/by-2-0">
          dl-de/by-2-0
        </a>
      </p>
    </figcaption>
  );
}

export interface NrwMapProps {
  /** Accessible name of the map (<title>). */
  title: string;
  /** Longer description (<desc>), e.g. what the markers stand for. */
  description: string;
  markers: MapMarker[];
  /** Prefix for element ids; must be unique per page when a page shows several maps. */
  idPrefix?: string;
}

export function NrwMap(props: NrwMapProps): VNode {
  const idPrefix = props.idPrefix ?? 'nrw-map';
  const projection = nrwProjection();
  const layout = layoutMarkers(projection, props.markers);
  for (const { marker } of layout.placed) assertSafeHref(marker.href);
  const fanned = layout.placed.filter((p) => p.fanned);
  return (
    <figure class="nrw-map">
      <svg
        class="nrw-map__svg"
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${projection.width} ${projection.height}`}
        // Not role="img": an img's children are presentational, so its links would be nested
        // interactive content that screen readers drop (axe rule nested-interactive).
        role="group"
        aria-labelledby={`${idPrefix}-title`}
        aria-describedby={`${idPrefix}-desc`}
      >
        <title id={`${idPrefix}-title`}>{props.title}</title>
        <desc id={`${idPrefix}-desc`}>{props.description}</desc>
        <path
          class="nrw-map__land"
          d={boundaryPath()}
          fill={C.land}
          fill-rule="evenodd"
          stroke={C.border}
          stroke-width="1.5"
        />
        {fanned.length > 0 ? (
          <g aria-hidden="true">
            {fanned.map(({ marker, anchor, position }) => (
              <line
                key={marker.id}
                class="nrw-map__leader"
                x1={round(anchor.x)}
                y1={round(anchor.y)}
                x2={round(position.x)}
                y2={round(position.y)}
                stroke={C.leader}
                stroke-width="1.5"
              />
            ))}
            {layout.hubs.map((hub) => (
              <circle
                key={`${hub.x},${hub.y}`}
                class="nrw-map__hub"
                cx={round(hub.x)}
                cy={round(hub.y)}
                r="2.5"
                fill={C.leader}
              />
            ))}
          </g>
        ) : null}
        {layout.placed.map(({ marker, position }) => {
          const name = markerName(marker);
          const cx = round(position.x);
          const cy = round(position.y);
          return (
            <a key={marker.id} class="nrw-map__marker" href={marker.href} aria-label={name}>
              <title>{name}</title>
              {/* Transparent, not "none": the ring is also the larger click target. */}
              <circle class="nrw-map__ring" cx={cx} cy={cy} r={FOCUS_RADIUS} fill="transparent" />
              <circle
                class="nrw-map__dot"
                cx={cx}
                cy={cy}
                r={MARKER_RADIUS}
                fill={C.marker}
                stroke={C.markerEdge}
                stroke-width="2"
              />
            </a>
          );
        })}
      </svg>
      <MapCaption
        shown={layout.placed.length}
        skipped={layout.skipped}
        fanned={fanned.length > 0}
      />
    </figure>
  );
}
