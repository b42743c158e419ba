/**
 * Douglas–Peucker line simplification in the plane (map units, not degrees), so the tolerance
 * means the same visible error everywhere on the map.
 */

export interface Point {
  x: number;
  y: number;
}

function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0
      ? 0
      : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Keeps both end points; iterative, so long lines cannot overflow the stack. */
export function simplifyLine(points: readonly Point[], tolerance: number): Point[] {
  if (points.length <= 2) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  for (let range = stack.pop(); range !== undefined; range = stack.pop()) {
    const [first, last] = range;
    const a = points[first];
    const b = points[last];
    if (a === undefined || b === undefined) continue;
    let farthest = -1;
    let maxDistance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const p = points[i];
      if (p === undefined) continue;
      const distance = segmentDistance(p, a, b);
      if (distance > maxDistance) {
        maxDistance = distance;
        farthest = i;
      }
    }
    if (farthest < 0) continue;
    keep[farthest] = 1;
    stack.push([first, farthest], [farthest, last]);
  }
  return points.filter((_, i) => keep[i] === 1);
}

/**
 * A closed ring starts and ends at the same point, which would make every distance a distance
 * to one point. Splitting at the vertex farthest from the start gives two proper lines.
 */
export function simplifyRing(ring: readonly Point[], tolerance: number): Point[] {
  const start = ring[0];
  if (start === undefined || ring.length <= 4) return [...ring];
  let split = 0;
  let maxDistance = -1;
  ring.forEach((p, i) => {
    const distance = Math.hypot(p.x - start.x, p.y - start.y);
    if (distance > maxDistance) {
      maxDistance = distance;
      split = i;
    }
  });
  const head = simplifyLine(ring.slice(0, split + 1), tolerance);
  const tail = simplifyLine(ring.slice(split), tolerance);
  return [...head, ...tail.slice(1)];
}
