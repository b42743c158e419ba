/**
 * Interactive island for `[data-module="layer-map"]` on /karte: Leaflet (served from our own
 * /static/leaflet/, no tile server) over the Kreis outlines (GeoJSON from our own data), with the
 * features of each checked layer loaded from the OGC API – Features items of its collection for
 * the visible extent with a margin; moves inside what was loaded need no new request. Every layer
 * of the catalogue (`data-layers`) can be switched on by the page's own checkboxes, also one the
 * page did not show. Pan and zoom work by keyboard (Leaflet's keyboard handler: Tab to the map,
 * arrow keys, + and -); the features are also one list of buttons per layer, each of which opens
 * the feature's details with the layer's German property titles, moves the focus there and back
 * to the list on Escape. Without this script the page shows the SVG map.
 */
(() => {
  'use strict';

  const MAX_ITEMS = 2000;
  /** Buttons per layer in the feature list. */
  const LIST_LIMIT = 50;

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

  /** A property value as the page's table shows it: German numbers, ja/nein, TT.MM.JJJJ. */
  const formatted = (value, property) => {
    if (value === null || value === undefined || value === '') return '–';
    if (typeof value === 'boolean') return value ? 'ja' : 'nein';
    if (typeof value === 'number') {
      const number = value.toLocaleString('de-DE', { maximumFractionDigits: 2 });
      return property && property.unit ? `${number} ${property.unit}` : number;
    }
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
    return day ? `${day[3]}.${day[2]}.${day[1]}` : String(value);
  };

  /**
   * Details as DOM nodes (never HTML strings): feature properties are untrusted text. The
   * layer's described properties with their German titles; all properties when it has none.
   */
  const details = (layer, feature) => {
    const box = document.createElement('div');
    box.className = 'layer-map__popup';
    box.tabIndex = -1;
    const heading = document.createElement('p');
    const strong = document.createElement('strong');
    strong.textContent = layer.title;
    heading.appendChild(strong);
    box.appendChild(heading);
    const list = document.createElement('dl');
    list.className = 'layer-map__details';
    const values = feature.properties || {};
    const described = layer.properties && layer.properties.length > 0;
    const rows = described
      ? layer.properties.map((p) => [p.title, formatted(values[p.name], p)])
      : Object.entries(values).map(([key, value]) => [key, formatted(value)]);
    for (const [title, value] of rows) {
      const dt = document.createElement('dt');
      dt.textContent = title;
      const dd = document.createElement('dd');
      dd.textContent = value;
      list.append(dt, dd);
    }
    box.appendChild(list);
    return box;
  };

  const start = (root) => {
    const L = window.L;
    // Every layer of the catalogue, so that a layer the page did not show can be switched on.
    let described = [];
    try {
      described = JSON.parse(root.dataset.layers || '[]');
    } catch {
      described = [];
    }
    const catalogue = new Map(described.map((layer) => [layer.id, layer]));
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
    listHeading.textContent = 'Objekte auf der Karte';
    const status = document.createElement('p');
    status.className = 'kern-body--small';
    status.setAttribute('role', 'status');
    const list = document.createElement('div');
    list.className = 'layer-map__features';
    root.insertBefore(container, figure);
    root.append(listHeading, status, list);
    if (figure) figure.hidden = true;

    const map = L.map(container, {
      keyboard: true,
      zoomSnap: 0.5,
      zoomControl: false,
      attributionControl: true,
    });
    L.control.zoom({ zoomInTitle: 'Vergrößern', zoomOutTitle: 'Verkleinern' }).addTo(map);
    // Leaflet names its popup's close button in English; the page is German.
    map.on('popupopen', (event) => {
      const close = event.popup.getElement()?.querySelector('.leaflet-popup-close-button');
      if (close) close.setAttribute('aria-label', 'Details schließen');
    });
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
    // What was loaded last: the extent (the view with a margin) and whether a layer had more
    // features there than one request returns. A move inside that extent needs no new request,
    // so opening a feature's details (which may pan the map) keeps the list and the details.
    let loaded;
    let loadedZoom;
    let truncated = false;

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
      const b = map.getBounds().pad(0.25);
      const zoom = map.getZoom();
      let cut = false;
      const extent = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
        .map((v) => v.toFixed(5))
        .join(',');
      const chosen = checkboxes
        .filter((c) => c.checked && catalogue.has(c.value))
        .map((c) => c.value);
      for (const [id, layer] of overlays) {
        if (!chosen.includes(id)) {
          map.removeLayer(layer);
          overlays.delete(id);
        }
      }
      const entries = new Map(chosen.map((id) => [id, []]));
      let failed = 0;
      await Promise.all(
        chosen.map(async (id) => {
          const style = catalogue.get(id);
          const url = `${root.dataset.itemsUrl.replace('{id}', encodeURIComponent(id))}?f=json&limit=${MAX_ITEMS}&bbox=${extent}`;
          try {
            const response = await fetch(url, { headers: { accept: 'application/geo+json' } });
            if (!response.ok) throw new Error(String(response.status));
            const collection = await response.json();
            if (mine !== generation) return;
            const returned = (collection.features || []).length;
            if (typeof collection.numberMatched === 'number' && collection.numberMatched > returned)
              cut = true;
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
                featureLayer.bindPopup(() => details(style, feature));
                const label = text((feature.properties || {})[style.labelProperty] ?? feature.id);
                entries.get(id).push({ label, featureLayer });
              },
            }).addTo(map);
            overlays.set(id, layer);
          } catch {
            failed += 1;
          }
        }),
      );
      if (mine !== generation) return;
      loaded = failed === 0 ? b : undefined;
      loadedZoom = zoom;
      truncated = cut;
      // A rebuilt list keeps the keyboard focus on the same feature's button where it exists.
      const focused = list.contains(document.activeElement) ? document.activeElement : undefined;
      const focusedLabel = focused ? focused.textContent : undefined;
      list.replaceChildren();
      let total = 0;
      let shortened = false;
      // One list per layer, in the order of the form, so that a small layer is not pushed out
      // of the list by a large one.
      for (const id of chosen) {
        const layer = catalogue.get(id);
        const found = entries.get(id);
        if (!overlays.has(id)) continue;
        total += found.length;
        found.sort((a, b) => a.label.localeCompare(b.label, 'de'));
        const heading = document.createElement('h3');
        heading.className = 'kern-heading-small';
        heading.id = `layer-map-liste-${id}`;
        heading.textContent = `${layer.title} (${found.length})`;
        const items = document.createElement('ul');
        items.className = 'layer-map__feature-list';
        items.setAttribute('aria-labelledby', heading.id);
        for (const entry of found.slice(0, LIST_LIMIT)) {
          const item = document.createElement('li');
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'kern-btn kern-btn--tertiary kern-btn--x-small layer-map__feature';
          button.textContent = `${entry.label} (${layer.title})`;
          button.addEventListener('click', () => openDetails(entry.featureLayer, button));
          item.appendChild(button);
          items.appendChild(item);
        }
        if (found.length > LIST_LIMIT) shortened = true;
        list.append(heading, items);
      }
      if (focused) {
        const again = [...list.querySelectorAll('.layer-map__feature')].find(
          (b) => b.textContent === focusedLabel,
        );
        if (again) again.focus();
        else {
          listHeading.tabIndex = -1;
          listHeading.focus();
        }
      }
      status.textContent =
        `${total} Objekte auf der Karte.` +
        (shortened
          ? ` Je Ebene sind die ersten ${LIST_LIMIT} aufgelistet; vergrößern Sie die Karte für weitere.`
          : '') +
        (failed > 0 ? ` ${failed} Ebene(n) konnten nicht geladen werden.` : '');
    };

    /**
     * Opens a feature's details from the list: the map shows the feature, the focus moves into
     * the details (Escape or the close button closes them) and back to the list afterwards.
     */
    const openDetails = (target, button) => {
      if (target.getLatLng) map.panTo(target.getLatLng());
      else if (target.getBounds) map.fitBounds(target.getBounds(), { maxZoom: map.getZoom() });
      target.openPopup();
      const popup = target.getPopup();
      const box = popup && popup.getElement()?.querySelector('.layer-map__popup');
      if (!box) return;
      box.focus();
      // Back to the button; when the list was rebuilt meanwhile (the map moved beyond what
      // was loaded), to the same feature's new button, else to the list's heading.
      const label = button.textContent;
      const back = () => {
        const again = button.isConnected
          ? button
          : [...list.querySelectorAll('.layer-map__feature')].find((b) => b.textContent === label);
        if (again) again.focus();
        else {
          listHeading.tabIndex = -1;
          listHeading.focus();
        }
      };
      box.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          map.closePopup();
          back();
        }
      });
      popup
        .getElement()
        ?.querySelector('.leaflet-popup-close-button')
        ?.addEventListener('click', back);
    };

    let timer;
    // The view as data: zoom, latitude and longitude of the centre (for scripts reading the page).
    const noteView = () => {
      const center = map.getCenter();
      root.dataset.view = `${map.getZoom()},${center.lat.toFixed(5)},${center.lng.toFixed(5)}`;
    };
    // Open details stay open: a move beyond the loaded extent reloads once they are closed.
    let detailsOpen = false;
    let pending = false;
    const later = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, 150);
    };
    map.on('popupopen', () => {
      detailsOpen = true;
    });
    map.on('popupclose', () => {
      detailsOpen = false;
      if (pending) {
        pending = false;
        later();
      }
    });
    map.on('moveend', () => {
      noteView();
      const inside = loaded && loaded.contains(map.getBounds());
      if (inside && !(truncated && map.getZoom() !== loadedZoom)) return;
      if (detailsOpen) pending = true;
      else later();
    });
    for (const checkbox of checkboxes) checkbox.addEventListener('change', refresh);
    noteView();
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
