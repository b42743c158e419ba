import v8 from 'node:v8';

/** How far the old generation may grow beyond the live heap before the next full collection. */
export const HEAP_GROWING_PERCENT = 30;

/**
 * Left to itself, V8 lets the old generation grow to several times the live heap before a full
 * collection whenever the machine has memory to spare. A streamed export of 100,000 objections
 * then peaks at 310–355 MB RSS, although it holds one page of rows at a time; with growth limited
 * to 30 % it stays at 217–235 MB and is no slower (bench/export.bench.ts). `npm start` passes the
 * flag on the command line, which is the reliable way: measured on Node 24, setting it at run time
 * (below, for every other command of the CLI) no longer keeps the heap down (bench/README.md,
 * export of the funding applications). An explicit --heap-growing-percent on the command line wins.
 */
export function limitHeapGrowth(): void {
  if (process.execArgv.some((arg) => arg.startsWith('--heap-growing-percent'))) return;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/**
 * The V8 flags the portal runs with (`npm start` passes them on the command line; package.json
 * repeats them literally): the limited old-generation growth above, and a young generation of
 * 8 MB per semi-space. Node 24 sizes the young generation much larger by default; with 8 MB the
 * portal idles at about 190 MB instead of 250 MB RSS and streams the export of 100,000 funding
 * applications at about 210 MB peak, no slower (bench/README.md, export of the funding
 * applications).
 */
export const PORTAL_NODE_FLAGS = [
  `--heap-growing-percent=${HEAP_GROWING_PERCENT}`,
  '--max-semi-space-size=8',
] as const;
