import { loadavg } from 'node:os';
/** Latency measurement: sequential requests (one at a time), after a warm-up. */
export interface Stats {
  name: string;
  transport: string;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  perSecond: number;
  /** Average response size in bytes. */
  bytes: number;
}

export interface Reply {
  status: number;
  body: string;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function summarize(
  name: string,
  transport: string,
  durations: readonly number[],
  totalMs: number,
  bytes: number,
): Stats {
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    name,
    transport,
    requests: durations.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? NaN,
    mean: durations.reduce((a, b) => a + b, 0) / durations.length,
    perSecond: (durations.length / totalMs) * 1000,
    bytes: durations.length > 0 ? bytes / durations.length : 0,
  };
}

/**
 * Sends `warmup` unmeasured and then `requests` measured requests, one after the other; every
 * reply must be 200, so that a benchmark of error pages cannot pass for a fast application.
 */
export async function measure(options: {
  name: string;
  transport: string;
  warmup: number;
  requests: number;
  send: (index: number) => Promise<Reply>;
}): Promise<Stats> {
  const check = (reply: Reply, index: number) => {
    if (reply.status !== 200) {
      throw new Error(
        `${options.name} (${options.transport}), Anfrage ${index}: Status ${reply.status}: ${reply.body.slice(0, 300)}`,
      );
    }
  };
  for (let i = 0; i < options.warmup; i++) check(await options.send(i), i);
  const durations: number[] = [];
  let bytes = 0;
  const started = performance.now();
  for (let i = 0; i < options.requests; i++) {
    const t0 = performance.now();
    const reply = await options.send(options.warmup + i);
    durations.push(performance.now() - t0);
    check(reply, i);
    bytes += Buffer.byteLength(reply.body);
  }
  return summarize(options.name, options.transport, durations, performance.now() - started, bytes);
}

/**
 * Measures every target over every transport (all targets of the first transport, then of the
 * next), so that a page and the trivial reference are measured in the same run.
 */
export async function measureEach<T extends { name: string }>(options: {
  targets: readonly T[];
  transports: readonly (readonly [string, (target: T) => (index: number) => Promise<Reply>])[];
  warmup: number;
  requests: number;
}): Promise<Stats[]> {
  const results: Stats[] = [];
  for (const [transport, send] of options.transports) {
    for (const target of options.targets) {
      results.push(
        await measure({
          name: target.name,
          transport,
          warmup: options.warmup,
          requests: options.requests,
          send: send(target),
        }),
      );
    }
  }
  return results;
}

/** The load averages over 1, 5 and 15 minutes, for the report ("1.20 0.80 0.50"). */
export function loadText(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}
