/**
 * The map in a real browser: axe-core (WCAG 2.1 A/AA) on the rendered markup with NRW_MAP_CSS,
 * and keyboard focus showing the focus ring. Skipped only where Chromium is missing locally.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { renderToString } from 'preact-render-to-string';
import {
  axeViolations,
  browserSkipReason,
  describeViolations,
  launchBrowser,
} from '../../../test/helpers/browser.ts';
import { MAP_COLOURS, NRW_MAP_CSS, NrwMap } from './nrw-map.tsx';

// Skipped only on a developer machine without Chromium (the reason names it); with CI=true
// a missing browser fails the run instead (test/helpers/browser.ts).
const skip = browserSkipReason();

const html = renderToString(
  <NrwMap
    title="Verfahren in der Öffentlichkeitsbeteiligung"
    description="Karte von Nordrhein-Westfalen mit den Standorten der Verfahren."
    markers={[
      { id: 'a', lon: 6.7735, lat: 51.2277, label: 'Windpark Nord', href: '/a', status: 'läuft' },
      { id: 'b', lon: 6.7735, lat: 51.2277, label: 'Solarpark Süd', href: '/b' },
      { id: 'c', lon: 6.9578, lat: 50.9375, label: '<b>Köln</b>', href: '/c' },
      { id: 'd', lon: 13.4, lat: 52.5, label: 'Berlin', href: '/d' },
    ]}
  />,
);

const page = `<!doctype html><html lang="de"><head><title>Karte</title>
<style>${NRW_MAP_CSS}</style></head><body><main><h1>Beteiligung</h1>${html}</main></body></html>`;

describe('NrwMap in Chromium', { skip }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('has no axe violations and every marker is a named link', async () => {
    const tab = await browser.newPage();
    await tab.setContent(page);
    const violations = await axeViolations(tab);
    assert.deepEqual(violations, [], describeViolations('NrwMap', violations));
    const names = await tab
      .locator('svg a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('aria-label')));
    assert.deepEqual(names, ['Windpark Nord – läuft', 'Solarpark Süd', '<b>Köln</b>']);
    await tab.close();
  });

  it('shows the focus ring on the focused marker', async () => {
    const tab = await browser.newPage();
    await tab.setContent(page);
    await tab.keyboard.press('Tab');
    const focused = await tab.evaluate(() => {
      const active = document.activeElement;
      const ring = active?.querySelector('.nrw-map__ring');
      return {
        name: active?.getAttribute('aria-label'),
        stroke: ring ? getComputedStyle(ring).stroke : null,
      };
    });
    assert.equal(focused.name, 'Windpark Nord – läuft');
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(MAP_COLOURS.focus.slice(i, i + 2), 16));
    assert.equal(focused.stroke, `rgb(${r}, ${g}, ${b})`);
    await tab.close();
  });
});
