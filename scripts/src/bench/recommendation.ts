/**
 * The recommendation benchmark: a SYNTHETIC index of 50,000 services made from the real catalogue
 * (read through the router as the engine reads it; each real service copied under new ids,
 * local services moved to other municipalities, half of the copies' hand-set labels dropped so
 * that inference has work), then the engine built on it and asked for packages for random
 * situations, one request at a time on one core. Two engines are built on the same services:
 * today's text analysis (Snowball stems and compound parts) and the analysis before compounds
 * (stems alone); each situation goes to both in turn. Prints each one's index build time, heap
 * and p50/p95/p99 per request, and the p95 ratio with a bootstrap interval.
 */
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { LIFE_EVENTS, MUNICIPALITIES } from '@aurora/code-lists';
import { DIMENSIONS, emptySituation, RecommendationEngine, type Dimension, type History, type IndexedService, type Situation } from '@aurora/recommendation';
import { startTestNetwork } from '../e2e/network';
import { seeded, shuffle } from '../eval/metrics';
import { p95Ratio, percentiles } from './load';

const TARGET = Number(process.env.BENCH_SERVICES ?? 50_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const WORDS = [
  'velka',
  'asunto',
  'työ',
  'yksinäisyys',
  'mielenterveys',
  'lapsi',
  'opiskelu',
  'bostad',
  'arbete',
  'housing',
  'debt',
  'loneliness',
  'eläke',
  'kuntoutus',
  'harrastus',
];

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

function synthesise(real: IndexedService[], random: () => number): IndexedService[] {
  const services = [...real];
  for (let copy = 1; services.length < TARGET; copy += 1) {
    for (const service of real) {
      if (services.length >= TARGET) break;
      services.push({
        ...service,
        _id: `${service._id}~${copy}`,
        providerId: service.providerId ? `${service.providerId}~${copy % 50}` : null,
        municipalities: service.nationwide ? [] : [MUNICIPALITIES[Math.floor(random() * MUNICIPALITIES.length)]?.code as string],
        labels: random() < 0.5 ? service.labels : [],
      });
    }
  }
  return services;
}

function randomSituation(random: () => number): Situation {
  const meters: Partial<Record<Dimension, number>> = {};
  for (const dimension of shuffle([...DIMENSIONS], random).slice(0, Math.floor(random() * 4))) meters[dimension] = Math.floor(random() * 11);
  return {
    ...emptySituation((['FI', 'SV', 'EN'] as const)[Math.floor(random() * 3)]),
    lifeEvents: shuffle(
      LIFE_EVENTS.map((event) => event.code),
      random,
    ).slice(0, Math.floor(random() * 3)),
    meters,
    municipality: random() < 0.8 ? (MUNICIPALITIES[Math.floor(random() * MUNICIPALITIES.length)]?.code ?? null) : null,
    age: random() < 0.7 ? 15 + Math.floor(random() * 75) : null,
    text:
      random() < 0.3
        ? shuffle(WORDS, random)
            .slice(0, 1 + Math.floor(random() * 3))
            .join(' ')
        : null,
  };
}

export async function benchRecommendation(): Promise<void> {
  // One core: the engine answers on the event loop; pin every thread of this process to CPU 0 where taskset exists.
  let pinned = 'not pinned (taskset unavailable)';
  try {
    execFileSync('taskset', ['-a', '-cp', '0', String(process.pid)], { stdio: 'ignore' });
    pinned = 'pinned to CPU 0 with taskset';
  } catch {
    // stays unpinned; said in the output
  }
  const random = seeded(42);
  console.log('reading the real catalogue through an in-process router…');
  const network = await startTestNetwork();
  let real: IndexedService[];
  try {
    await network.syncCatalogue();
    real = (await network.recommendation.service.catalogue.all()).filter((service) => service.status === 'ACTIVE');
  } finally {
    await network.close();
  }
  const services = synthesise(real, random);
  console.log(
    `SYNTHETIC index: ${services.length} services from ${real.length} real ones; ${os.cpus().length} cores on the machine, ${pinned}; node ${process.version}\n`,
  );

  // Two engines on the same services: the analysis before compounds (Snowball stems) and today's.
  const built = { stems: build(services, 'stems'), compounds: build(services, 'compounds') };
  for (const side of ANALYSES) {
    const { buildMs, warmMs, heapMiB, counts } = built[side];
    console.log(
      `${side.padEnd(9)} index build (texts indexed, labels inferred for ${counts.inferred} services, ${counts.labelled} hand-labelled): ${(buildMs / 1000).toFixed(1)} s; evidence warm-up for the 19 life events and 10 meters: ${(warmMs / 1000).toFixed(1)} s; heap ${heapMiB.toFixed(0)} MiB for the engine`,
    );
  }
  console.log(
    `heap, compounds over stems: ${(built.compounds.heapMiB / built.stems.heapMiB).toFixed(2)}x; process rss ${mib(process.memoryUsage().rss)} MiB with both\n`,
  );

  const aggregate = new Map<string, { positive: number; negative: number }>();
  for (let i = 0; i < 5000; i += 1)
    aggregate.set(services[Math.floor(random() * services.length)]?._id as string, { positive: Math.floor(random() * 20), negative: Math.floor(random() * 5) });
  const history: History = { personal: new Map(), aggregate: (id) => aggregate.get(id) ?? { positive: 0, negative: 0 } };
  const situations = Array.from({ length: REQUESTS }, () => randomSituation(random));
  // Each situation goes to both engines, one after the other, the order switching each round,
  // so that the machine's ups and downs fall on both alike.
  const times: Record<Analysis, number[]> = { stems: [], compounds: [] };
  const textTimes: Record<Analysis, number[]> = { stems: [], compounds: [] };
  let packages = 0;
  situations.forEach((situation, round) => {
    for (const side of round % 2 === 0 ? ANALYSES : [...ANALYSES].reverse()) {
      const t = performance.now();
      const answer = built[side].engine.recommend(situation, 3, history);
      const ms = performance.now() - t;
      times[side].push(ms);
      if (situation.text) textTimes[side].push(ms);
      if (side === 'compounds') packages += answer.packages.length;
    }
  });

  const line = (values: number[]) => {
    const { p50, p95, p99 } = percentiles(values);
    return `p50 ${p50.toFixed(1)} ms   p95 ${p95.toFixed(1)} ms   p99 ${p99.toFixed(1)} ms   max ${Math.max(...values).toFixed(1)} ms`;
  };
  console.log(
    `${REQUESTS} requests for 3 packages each (random situations: 0–2 life events, 0–3 meters, 80% with a municipality, 30% with free text), one at a time, to each engine in turn:`,
  );
  for (const side of ANALYSES) console.log(`  ${side.padEnd(9)} ${line(times[side])}`);
  const ratio = p95Ratio(times.stems, times.compounds, random);
  console.log(
    `  p95 compounds over stems: ${ratio.value.toFixed(2)}x [${ratio.low.toFixed(2)}, ${ratio.high.toFixed(2)}] (bootstrap 95% interval over the rounds)`,
  );
  const textRatio = p95Ratio(textTimes.stems, textTimes.compounds, random);
  console.log(
    `  the ${textTimes.compounds.length} requests with free text: stems ${line(textTimes.stems)}; compounds ${line(textTimes.compounds)}; p95 ${textRatio.value.toFixed(2)}x [${textRatio.low.toFixed(2)}, ${textRatio.high.toFixed(2)}]`,
  );
  const today = percentiles(times.compounds);
  console.log(
    `  ${(packages / REQUESTS).toFixed(2)} packages per answer; targets for today's engine: p95 ≤ 50 ms ${today.p95 <= 50 ? 'met' : 'NOT met'}, p99 ≤ 150 ms ${today.p99 <= 150 ? 'met' : 'NOT met'}`,
  );
  console.log("  measured in-process: the engine's work per request, without GraphQL parsing and the network hop.");
}

const ANALYSES = ['stems', 'compounds'] as const;
type Analysis = (typeof ANALYSES)[number];

/** Builds an engine with one analysis, warms every need's evidence, and measures both and the heap it holds. */
function build(
  services: IndexedService[],
  analysis: Analysis,
): { engine: RecommendationEngine; buildMs: number; warmMs: number; heapMiB: number; counts: { inferred: number; labelled: number } } {
  gc();
  const before = process.memoryUsage().heapUsed;
  let started = performance.now();
  const engine = new RecommendationEngine(services, { analysis });
  const buildMs = performance.now() - started;
  started = performance.now();
  // Each need's evidence is computed on its first use; warm them all, as the first minutes of traffic would.
  for (const event of LIFE_EVENTS) engine.recommend({ ...emptySituation(), lifeEvents: [event.code] }, 1);
  for (const dimension of DIMENSIONS) engine.recommend({ ...emptySituation(), meters: { [dimension]: 1 } }, 1);
  engine.recommend(emptySituation(), 1);
  const warmMs = performance.now() - started;
  gc();
  return { engine, buildMs, warmMs, heapMiB: (process.memoryUsage().heapUsed - before) / 1024 / 1024, counts: engine.counts() };
}
