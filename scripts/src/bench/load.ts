/** A small closed-loop load generator: exact latency percentiles, which autocannon does not give for p95. */
function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] as number;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export interface LoadResult extends Percentiles {
  requests: number;
  errors: number;
  perSecond: number;
}

async function timedRequest(url: string, body: string): Promise<{ ms: number; failed: boolean }> {
  const started = performance.now();
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const json = (await response.json()) as { errors?: unknown[] };
    return { ms: performance.now() - started, failed: !response.ok || !!json.errors };
  } catch {
    return { ms: performance.now() - started, failed: true };
  }
}

export const percentiles = (values: number[]): Percentiles => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99) };
};

/** Sends `body` to `url` from `concurrency` workers for `seconds`, each waiting for its answer. */
export async function load(url: string, body: string, concurrency: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const { ms, failed } = await timedRequest(url, body);
      if (failed) errors += 1;
      latencies.push(ms);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  return { requests: latencies.length, errors, perSecond: latencies.length / elapsed, ...percentiles(latencies) };
}

export const format = (result: LoadResult) =>
  `${result.perSecond.toFixed(0).padStart(5)} req/s  p50 ${result.p50.toFixed(1).padStart(6)} ms  p95 ${result.p95.toFixed(1).padStart(6)} ms  p99 ${result.p99.toFixed(1).padStart(6)} ms  (${result.requests} requests, ${result.errors} errors)`;

export interface PairedResult {
  requests: number;
  errors: number;
  before: Percentiles;
  after: Percentiles;
  /** after's p95 over before's, with a bootstrap 95% interval over the rounds. */
  p95Ratio: { value: number; low: number; high: number };
  /** Each round's two latencies, in ms, for pooling scenarios. */
  latencies: { before: number[]; after: number[] };
}

/**
 * Two servers measured side by side: `requests` rounds of one request to each, one at a time, the
 * order alternating between rounds, so that the machine's own ups and downs fall on both alike.
 * The p95 ratio's interval resamples whole rounds (1,000 bootstrap rounds).
 */
export async function paired(beforeUrl: string, afterUrl: string, body: string, requests: number, random: () => number): Promise<PairedResult> {
  for (let i = 0; i < 20; i += 1) await Promise.all([timedRequest(beforeUrl, body), timedRequest(afterUrl, body)]);
  const before: number[] = [];
  const after: number[] = [];
  let errors = 0;
  for (let round = 0; round < requests; round += 1) {
    const sides: [string, number[]][] = [
      [beforeUrl, before],
      [afterUrl, after],
    ];
    for (const [url, latencies] of round % 2 === 0 ? sides : sides.reverse()) {
      const { ms, failed } = await timedRequest(url, body);
      if (failed) errors += 1;
      latencies.push(ms);
    }
  }
  return { requests, errors, before: percentiles(before), after: percentiles(after), p95Ratio: p95Ratio(before, after, random), latencies: { before, after } };
}

/**
 * after's p95 over before's for latencies measured in pairs (`before[i]` and `after[i]` in one
 * round), with a bootstrap 95% interval that resamples whole rounds (1,000 bootstrap rounds).
 */
export function p95Ratio(before: number[], after: number[], random: () => number): { value: number; low: number; high: number } {
  const p95 = (values: number[]) => percentiles(values).p95;
  const rounds = Math.min(before.length, after.length);
  const ratios: number[] = [];
  for (let sample = 0; sample < 1000; sample += 1) {
    const b: number[] = [];
    const a: number[] = [];
    for (let i = 0; i < rounds; i += 1) {
      const pick = Math.floor(random() * rounds);
      b.push(before[pick] as number);
      a.push(after[pick] as number);
    }
    ratios.push(p95(a) / p95(b));
  }
  ratios.sort((x, y) => x - y);
  return { value: p95(after) / p95(before), low: ratios[25] as number, high: ratios[974] as number };
}
