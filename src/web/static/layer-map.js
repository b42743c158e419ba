/**
 * Interactive island for `[data-module="layer-map"]` on /karte: Leaflet (served from our own
 * /static/leaflet/, no tile server) over the Kreis outlines (GeoJSON from our own data), with the
 * features of each checked layer loaded from the OGC API – Features items of its collection for
 * the visible extent. Pan, zoom and the layer switch work by keyboard (Leaflet's keyboard
 * handler and the page's own checkboxes); the features in view are also a list of buttons, each
 * of which opens the feature's details. Without this script the page shows the SVG map.
 */
(() => {
  'use strict';

  const MAX_ITEMS = 2000;
  const LIST_LIMIT = 100;

  const loadStylesheet = (href) => {
    if (document.querySelector(`link[href="${href}"]`)) return;
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.appendChild(link);
  };

  const loadScript = (src) =>
    new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });

  const text = (value) => (value === null || value === undefined ? '–' : String(value));

  /** Details as DOM nodes (never HTML strings): feature properties are untrusted text. */
  const details = (title, feature) => {
    const box = document.createElement('div');
    const heading = document.createElement('strong');
    heading.textContent = title;
    box.appendChild(heading);
    const list = document.createElement('dl');
    list.className = 'layer-map__details';
    for (const [key, value] of Object.entries(feature.properties || {})) {
      const dt = document.createElement('dt');
      dt.textContent = key;
      const dd = document.createElement('dd');
      dd.textContent = text(value);
      list.append(dt, dd);
    }
    box.appendChild(list);
    return box;
  };

  const start = (root) => {
    const L = window.L;
    const legend = new Map(
      [...document.querySelectorAll('.layer-map__legend-item')].map((item) => [
        item.dataset.layerId,
        item.dataset,
      ]),
    );
    const checkboxes = [...document.querySelectorAll('input[name="ebene"]')];
    const figure = root.querySelector('figure');

    const container = document.createElement('div');
    container.className = 'layer-map__interactive';
    container.setAttribute('role', 'region');
    container.setAttribute(
      'aria-label',
      'Interaktive Karte (Pfeiltasten verschieben, + und − zoomen)',
    );
    const listHeading = document.createElement('h2');
    listHeading.className = 'kern-heading-small';
    listHeading.id = 'layer-map-liste-titel';
    listHeading.textContent = 'Objekte im Kartenausschnitt';
    const status = document.createElement('p');
    status.className = 'kern-body--small';
    status.setAttribute('role', 'status');
    const list = document.createElement('ul');
    list.className = 'layer-map__feature-list';
    list.setAttribute('aria-labelledby', listHeading.id);
    root.insertBefore(container, figure);
    root.append(listHeading, status, list);
    if (figure) figure.hidden = true;

    const map = L.map(container, { keyboard: true, zoomSnap: 0.5, attributionControl: true });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(
      '© GeoBasis-DE / BKG 2021 (Daten verändert), dl-de/by-2-0',
    );
    const bbox = (root.dataset.bbox || '').split(',').map(Number);
    map.fitBounds(
      bbox.length === 4 && bbox.every(Number.isFinite)
        ? [
            [bbox[1], bbox[0]],
            [bbox[3], bbox[2]],
          ]
        : [
            [50.32, 5.86],
            [52.53, 9.46],
          ],
    );

    fetch(root.dataset.backgroundUrl)
      .then((response) => response.json())
      .then((outlines) => {
        L.geoJSON(outlines, {
          interactive: false,
          style: { color: '#7a8290', weight: 1, fillColor: '#eef1f6', fillOpacity: 1 },
        })
          .addTo(map)
          .bringToBack();
      })
      .catch(() => {
        status.textContent = 'Die Grenzen konnten nicht geladen werden.';
      });

    const overlays = new Map();
    let generation = 0;

    const marker = (style) => (_feature, latlng) =>
      L.circleMarker(latlng, {
        radius: 5,
        color: '#ffffff',
        weight: 1,
        fillColor: style.colour,
        fillOpacity: 1,
      });

    const refresh = async () => {
      const mine = ++generation;
      const b = map.getBounds();
      const extent = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
        .map((v) => v.toFixed(5))
        .join(',');
      const chosen = checkboxes.filter((c) => c.checked && legend.has(c.value)).map((c) => c.value);
      for (const [id, layer] of overlays) {
        if (!chosen.includes(id)) {
          map.removeLayer(layer);
          overlays.delete(id);
        }
      }
      const entries = [];
      let failed = 0;
      await Promise.all(
        chosen.map(async (id) => {
          const style = legend.get(id);
          const url = `${root.dataset.itemsUrl.replace('{id}', encodeURIComponent(id))}?f=json&limit=${MAX_ITEMS}&bbox=${extent}`;
          try {
            const response = await fetch(url, { headers: { accept: 'application/geo+json' } });
            if (!response.ok) throw new Error(String(response.status));
            const collection = await response.json();
            if (mine !== generation) return;
            overlays.get(id)?.remove();
            const layer = L.geoJSON(collection, {
              pointToLayer: marker(style),
              style: {
                color: style.colour,
                weight: 2.5,
                dashArray: style.dash || null,
                fillColor: style.colour,
                fillOpacity: 0.25,
              },
              onEachFeature: (feature, featureLayer) => {
                featureLayer.bindPopup(() => details(style.layerTitle, feature));
                const label = text((feature.properties || {})[style.labelProperty] ?? feature.id);
                entries.push({ label, layerTitle: style.layerTitle, featureLayer });
              },
            }).addTo(map);
            overlays.set(id, layer);
          } catch {
            failed += 1;
          }
        }),
      );
      if (mine !== generation) return;
      list.replaceChildren();
      entries.sort((a, b) => a.label.localeCompare(b.label, 'de'));
      for (const entry of entries.slice(0, LIST_LIMIT)) {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'kern-btn kern-btn--tertiary kern-btn--x-small layer-map__feature';
        button.textContent = `${entry.label} (${entry.layerTitle})`;
        button.addEventListener('click', () => {
          const target = entry.featureLayer;
          if (target.getLatLng) map.panTo(target.getLatLng());
          else if (target.getBounds) map.fitBounds(target.getBounds(), { maxZoom: map.getZoom() });
          target.openPopup();
        });
        item.appendChild(button);
        list.appendChild(item);
      }
      status.textContent =
        (entries.length > LIST_LIMIT
          ? `${entries.length} Objekte im Ausschnitt, die ersten ${LIST_LIMIT} sind aufgelistet; vergrößern Sie die Karte für weitere.`
          : `${entries.length} Objekte im Ausschnitt.`) +
        (failed > 0 ? ` ${failed} Ebene(n) konnten nicht geladen werden.` : '');
    };

    let timer;
    map.on('moveend', () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, 150);
    });
    for (const checkbox of checkboxes) checkbox.addEventListener('change', refresh);
    root.dataset.ready = 'true';
    refresh();
  };

  const roots = document.querySelectorAll('[data-module="layer-map"]');
  if (roots.length === 0 || !window.fetch) return;
  loadStylesheet('/static/leaflet/leaflet.css');
  loadScript('/static/leaflet/leaflet.js')
    .then(() => roots.forEach(start))
    .catch(() => {
      // Without Leaflet the SVG map stays: the page works as without script.
    });
})();
