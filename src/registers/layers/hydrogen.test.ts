import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readIndustrialSites } from './energy.read.ts';
import { CORE_NETWORK_COMMISSIONING, hydrogenNetwork, hydrogenReadiness } from './hydrogen.ts';
import { nearestTarget } from './nearest.ts';

/**
 * Fixtures on the real data, computed independently of GeographicLib: Vincenty's inverse formula
 * on WGS84 (agrees with GeographicLib to well below a millimetre at these distances); for the
 * pipeline, the minimum of Vincenty distances to 4,001 points spaced evenly along the geodesic of
 * each segment of route P6206 near the site (Vincenty's direct formula; the nearest segment is
 * 2,150 m long, so the points are 0.54 m apart and the sampled minimum is high by under 1 mm).
 * Sampling the straight lon/lat line instead gives 221.957 m: 12 cm off, which is why the
 * segment is followed as a geodesic.
 */
const SCHWELGERN = '148'; // ThyssenKrupp Steel, Werk Schwelgern (Duisburg)
const SCHWELGERN_TO_HAMBORN_M = 2543.498; // core-network location „Hamborn“
const HKM = '143'; // Hüttenwerke Krupp Mannesmann (Duisburg-Huckingen)
const HKM_TO_P6206_M = 221.837; // inside a segment of hydrogen route P6206

describe('hydrogen readiness of the industrial sites (real data, hand-checked)', () => {
  const network = hydrogenNetwork();
  const sites = new Map(readIndustrialSites().map((s) => [s.id, s]));

  it('measures to the nearest core-network location on the ellipsoid', () => {
    const found = nearestTarget(sites.get(SCHWELGERN)!.position, network)!;
    assert.equal(found.target.label, 'Hamborn (Nordrhein-Westfalen)');
    assert.ok(Math.abs(found.distanceM - SCHWELGERN_TO_HAMBORN_M) < 0.01, `${found.distanceM}`);
    const readiness = hydrogenReadiness(sites.get(SCHWELGERN)!, network)!;
    assert.equal(readiness.distanceKm, 2.54);
    assert.equal(readiness.nearestKind, 'Kernnetz-Ort');
    assert.equal(readiness.commissioning, CORE_NETWORK_COMMISSIONING);
  });

  it('measures to the nearest point inside a pipeline segment, and says the date is unknown', () => {
    const found = nearestTarget(sites.get(HKM)!.position, network)!;
    assert.match(found.target.id, /^P6206/);
    assert.ok(Math.abs(found.distanceM - HKM_TO_P6206_M) < 0.01, `${found.distanceM}`);
    const readiness = hydrogenReadiness(sites.get(HKM)!, network)!;
    assert.equal(readiness.nearestKind, 'Wasserstoffleitung');
    assert.equal(readiness.commissioning, null);
  });

  it('gives every site of the data a distance', () => {
    for (const site of sites.values()) {
      const readiness = hydrogenReadiness(site, network);
      assert.ok(readiness && readiness.distanceKm >= 0 && readiness.distanceKm < 200, site.id);
    }
  });
});
