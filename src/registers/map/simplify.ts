/**
 * Douglas–Peucker line simplification in the plane (map units, not degrees), so the tolerance
 * means the same visible error everywhere on the map. The algorithm is the maintained
 * simplify-js; this module fixes the options the map relies on.
 */
import simplify from 'simplify-js';

export interface Point {
  x: number;
  y: number;
}

/**
 * Keeps both end points. "Highest quality" skips simplify-js's radial-distance pre-pass, which
 * would drop points by distance to their neighbour alone and so could cut off a narrow spike
 * wider than the tolerance; the map wants the plain Douglas–Peucker guarantee.
 */
export function simplifyLine(points: readonly Point[], tolerance: number): Point[] {
  return simplify([...points], tolerance, true);
}

/**
 * A closed ring starts and ends at the same point. Douglas–Peucker then measures every vertex
 * against a zero-length segment, i.e. its distance to the start, and splits at the farthest
 * vertex, which gives two proper lines — so the ring needs no special treatment, only a floor:
 * a triangle or smaller is kept as it is, or it would collapse to a line.
 */
export function simplifyRing(ring: readonly Point[], tolerance: number): Point[] {
  if (ring.length <= 4) return [...ring];
  const simplified = simplify([...ring], tolerance, true);
  return simplified.length >= 4 ? simplified : [...ring];
}
