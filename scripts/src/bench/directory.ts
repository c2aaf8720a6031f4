/**
 * The directory benchmark: a SYNTHETIC catalogue of 50,000 services made from the real ones
 * (each real service copied under new ids, local services moved across municipalities), read by
 * a service directory with today's analysis and one that reads texts as before
 * (`AURORA_SEARCH_ANALYSIS=stems`), then by the whole network as separate processes.
 *
 * The two directories are measured side by side, each alone on its own copy of the data, one
 * request to each in turn (the order alternating), so that whatever else the machine does falls
 * on both alike: back-to-back runs on this kind of machine differed by up to 1.3x on queries the
 * analysis does not touch. Then the network on today's analysis: throughput and the router's share.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_DATA_ROOT, DirectoryRepository, importCatalogue } from '@aurora/service-directory';
import { createEmbeddedStore } from '@aurora/store';
import { createLogger } from '@aurora/subgraph-kit';
import { v5 as uuidv5 } from 'uuid';
import { seeded } from '../eval/metrics';
import { assertPortsFree, BENCH_ROUTER_ENV, ROOT, serviceCommands, waitUntilReady } from '../services';
import { format, load, p95Ratio, paired, percentiles, type PairedResult } from './load';

const TARGET = Number(process.env.BENCH_SERVICES ?? 50_000);
const SECONDS = Number(process.env.BENCH_DURATION_S ?? 8);
/** Requests to each directory per scenario in the side-by-side comparison. */
const PAIRED_REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const SYNTHETIC_NAMESPACE = '2f1e9c55-0d7b-4f8e-9a51-7c3e7d1b6a42';
const ROUTER_PORT = 15000;
const PORT_OFFSET = 11000;
/** The two directories compared side by side, each alone on its own copy of the data. */
const BEFORE_PORT = 15101;
const NOW_PORT = 15102;
/** The search p95 that today's analysis may cost, as a multiple of the earlier analysis's (the relevance issue's budget). */
const P95_BUDGET = 1.5;

const SCENARIOS = [
  {
    name: 'search "lastensuojelu" (fi), first 20',
    search: true,
    query: '{ services(filter: { text: "lastensuojelu" }, first: 20) { totalCount edges { node { id name } match { score snippet } } } }',
  },
  {
    name: 'search "housing allowance" (en) in Oulu, first 20',
    search: true,
    query: '{ services(filter: { text: "housing allowance", municipalities: ["564"] }, first: 20) { totalCount edges { node { id name } } } }',
  },
  {
    name: 'search "päivähoito" where one can visit, first 20',
    search: true,
    query: '{ services(filter: { text: "päivähoito", channelKinds: [SERVICE_LOCATION] }, first: 20) { totalCount edges { node { id name } } } }',
  },
  {
    name: 'search "velkaongelma" (a compound), first 20',
    search: true,
    query: '{ services(filter: { text: "velkaongelma" }, first: 20) { totalCount edges { node { id name } } } }',
  },
  {
    name: 'listing: housing classes in Mikkeli, first 20',
    search: false,
    query: '{ services(filter: { serviceClasses: ["P1"], municipalities: ["491"] }, first: 20) { totalCount edges { node { id name } } } }',
  },
  { name: 'listing: everything, first 100', search: false, query: '{ services(first: 100) { totalCount edges { node { id name } } } }' },
];

async function buildSyntheticCatalogue(dataDir: string): Promise<number> {
  const store = createEmbeddedStore({ directory: path.join(dataDir, 'service-directory') });
  const repository = new DirectoryRepository(store);
  await repository.ensureIndexes();
  await importCatalogue(repository, DEFAULT_DATA_ROOT, createLogger('bench', 'warn'));
  const real = await repository.services.find({});
  const municipalities = (await repository.codes.find({ list: 'municipality' })).map((code) => code.code);
  const copies = Math.ceil((TARGET - real.length) / real.length);
  let written = real.length;
  for (let copy = 1; copy <= copies && written < TARGET; copy += 1) {
    const batch = real.slice(0, TARGET - written).map((service, index) => ({
      ...service,
      _id: uuidv5(`${service._id}:${copy}`, SYNTHETIC_NAMESPACE),
      municipalities: service.coverage === 'LOCAL' ? [municipalities[(index + copy * 7) % municipalities.length] as string] : [],
      keywords: [...service.keywords, 'synthetic'],
    }));
    await repository.services.insertMany(batch);
    written += batch.length;
  }
  await store.close();
  return written;
}

function rssMiB(pid: number | undefined): string {
  try {
    return (Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024).toFixed(0);
  } catch {
    return '?';
  }
}

interface IndexReport {
  ms: number;
  services: number;
  heapMiB?: number;
}

/** Starts a process and keeps the directory's "search index built" report when it logs one. */
function startProcess(command: string, env: NodeJS.ProcessEnv, onIndex: (report: IndexReport) => void): ChildProcess {
  const child = spawn('sh', ['-c', command], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.includes('search index built')) onIndex(JSON.parse(line) as IndexReport);
  });
  return child;
}

const describeIndex = (report: IndexReport | undefined) =>
  report
    ? `${report.services} services indexed in ${(report.ms / 1000).toFixed(1)} s, heap ${report.heapMiB ?? '?'} MiB after the build (catalogue and index, garbage collected)`
    : 'not reported';

function formatPaired(result: PairedResult): string {
  const { before, after, p95Ratio } = result;
  const row = (label: string, figures: { p50: number; p95: number; p99: number }) =>
    `  ${label} p50 ${figures.p50.toFixed(1).padStart(6)} ms  p95 ${figures.p95.toFixed(1).padStart(6)} ms  p99 ${figures.p99.toFixed(1).padStart(6)} ms`;
  return [
    row('before (stems):      ', before),
    row('now (compounds):     ', after),
    `  p95 now/before: ${p95Ratio.value.toFixed(2)}x  [95% interval ${p95Ratio.low.toFixed(2)}, ${p95Ratio.high.toFixed(2)}]  (${result.requests} requests to each, ${result.errors} errors)`,
  ].join('\n');
}

/** Starts a service directory alone on its own data folder and waits until it answers. */
async function startDirectory(
  command: string,
  port: number,
  dataDir: string,
  analysis: 'stems' | 'compounds',
): Promise<{ child: ChildProcess; index: Promise<IndexReport> }> {
  let reported: (report: IndexReport) => void = () => {};
  const index = new Promise<IndexReport>((resolve) => (reported = resolve));
  // --expose-gc: the directory then collects garbage before it reports its heap after the build.
  const env = {
    ...process.env,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --expose-gc`.trim(),
    PORT: String(port),
    AURORA_DATA_DIR: dataDir,
    AURORA_SEARCH_ANALYSIS: analysis,
    LOG_LEVEL: 'info',
    MONGODB_URI: '',
  };
  const child = startProcess(command, env, reported);
  const notReady = await waitUntilReady(`http://127.0.0.1:${port}/ready`, Date.now() + 300_000, () => child.exitCode !== null, []);
  if (notReady) throw new Error(`the service directory with the ${analysis} analysis did not become ready`);
  return { child, index };
}

export async function benchDirectory(): Promise<void> {
  const commands = serviceCommands(ROUTER_PORT, PORT_OFFSET, BENCH_ROUTER_ENV);
  await assertPortsFree([...commands.map((service) => service.port), BEFORE_PORT, NOW_PORT]);
  const directory = commands.find((service) => service.name === 'service-directory');
  if (!directory) throw new Error('the manifest has no service-directory');
  const folders = ['', '-before', '-now'].map((suffix) => fs.mkdtempSync(path.join(os.tmpdir(), `aurora-bench-directory${suffix}-`)));
  const [dataDir, beforeDir, nowDir] = folders as [string, string, string];
  const children: ChildProcess[] = [];
  const stop = async (processes: ChildProcess[]) => {
    for (const child of [...processes].reverse()) child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 500));
  };
  try {
    let started = Date.now();
    const count = await buildSyntheticCatalogue(dataDir);
    for (const copy of [beforeDir, nowDir]) fs.cpSync(path.join(dataDir, 'service-directory'), path.join(copy, 'service-directory'), { recursive: true });
    console.log(`SYNTHETIC catalogue: ${count} services (the real ones copied under new ids), written in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // Side by side: the two directories alone, so that nothing else (the engine's catalogue reads) falls on one of them.
    started = Date.now();
    const before = await startDirectory(directory.command, BEFORE_PORT, beforeDir, 'stems');
    const now = await startDirectory(directory.command, NOW_PORT, nowDir, 'compounds');
    children.push(before.child, now.child);
    console.log(`both directories ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`search index, before (stems): ${describeIndex(await before.index)}`);
    console.log(`search index, now (compounds): ${describeIndex(await now.index)}`);
    console.log(`machine: ${os.cpus().length} cores, node ${process.version}; ${PAIRED_REQUESTS} requests to each directory, one at a time, alternating\n`);
    const random = seeded(7);
    const verdicts: string[] = [];
    const pooled = { before: [] as number[], after: [] as number[] };
    for (const scenario of SCENARIOS) {
      const comparison = await paired(
        `http://127.0.0.1:${BEFORE_PORT}/graphql`,
        `http://127.0.0.1:${NOW_PORT}/graphql`,
        JSON.stringify({ query: scenario.query }),
        PAIRED_REQUESTS,
        random,
      );
      console.log(scenario.name);
      console.log(formatPaired(comparison));
      if (scenario.search) {
        pooled.before.push(...comparison.latencies.before);
        pooled.after.push(...comparison.latencies.after);
      }
      if (scenario.search)
        verdicts.push(
          `${scenario.name}: ${comparison.p95Ratio.value.toFixed(2)}x ${comparison.p95Ratio.value <= P95_BUDGET ? 'within' : 'OVER'} the ${P95_BUDGET}x budget`,
        );
    }
    const all = p95Ratio(pooled.before, pooled.after, random);
    const { p95: beforeP95 } = percentiles(pooled.before);
    const { p95: afterP95 } = percentiles(pooled.after);
    verdicts.push(
      `every search above pooled (${pooled.after.length} to each): p95 ${beforeP95.toFixed(1)} -> ${afterP95.toFixed(1)} ms, ${all.value.toFixed(2)}x [${all.low.toFixed(2)}, ${all.high.toFixed(2)}] ${all.value <= P95_BUDGET ? 'within' : 'OVER'} the ${P95_BUDGET}x budget`,
    );
    console.log(`\nsearch p95, now against before (budget ${P95_BUDGET}x):\n  ${verdicts.join('\n  ')}`);
    console.log(`resident memory after the comparison (MiB): service-directory now ${rssMiB(now.child.pid)}, before ${rssMiB(before.child.pid)}\n`);
    await stop(children.splice(0));

    // Today's analysis in the whole network: throughput, and what the router adds.
    started = Date.now();
    for (const service of commands) {
      children.push(startProcess(service.command, { ...process.env, ...service.env, AURORA_DATA_DIR: dataDir, LOG_LEVEL: 'warn', MONGODB_URI: '' }, () => {}));
    }
    const notReady = await waitUntilReady(`http://127.0.0.1:${ROUTER_PORT}/ready`, Date.now() + 300_000);
    if (notReady) throw new Error(`the network did not become ready: ${JSON.stringify(notReady)}`);
    console.log(`network ready in ${((Date.now() - started) / 1000).toFixed(1)} s; 8 clients for throughput and 1 through the router, ${SECONDS} s each\n`);
    for (const scenario of SCENARIOS) {
      const body = JSON.stringify({ query: scenario.query });
      const direct = `http://127.0.0.1:${directory.port}/graphql`;
      await load(direct, body, 2, 1); // warm up
      const directLatency = await load(direct, body, 1, SECONDS);
      const throughput = await load(direct, body, 8, SECONDS);
      const routerLatency = await load(`http://127.0.0.1:${ROUTER_PORT}/graphql`, body, 1, SECONDS);
      console.log(scenario.name);
      console.log(`  direct, 1 client:   ${format(directLatency)}`);
      console.log(`  direct, 8 clients:  ${format(throughput)}`);
      console.log(`  router, 1 client:   ${format(routerLatency)}   router/direct p50 ${(routerLatency.p50 / directLatency.p50).toFixed(2)}x`);
    }
    console.log(`\nresident memory (MiB): service-directory ${rssMiB(children[0]?.pid)}, router ${rssMiB(children[children.length - 1]?.pid)}`);
  } finally {
    await stop(children);
    for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
  }
}
