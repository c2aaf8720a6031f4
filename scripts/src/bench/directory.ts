/**
 * The directory benchmark: a SYNTHETIC catalogue of 50,000 services made from the real ones
 * (each real service copied under new ids, local services moved across municipalities), the
 * directory and the router started on it as separate processes, then search and filtered
 * listing measured directly against the subgraph and through the router.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_DATA_ROOT, DirectoryRepository, importCatalogue } from '@aurora/service-directory';
import { createEmbeddedStore } from '@aurora/store';
import { createLogger } from '@aurora/subgraph-kit';
import { v5 as uuidv5 } from 'uuid';
import { assertPortsFree, BENCH_ROUTER_ENV, ROOT, serviceCommands, waitUntilReady } from '../services';
import { format, load } from './load';

const TARGET = Number(process.env.BENCH_SERVICES ?? 50_000);
const SECONDS = Number(process.env.BENCH_DURATION_S ?? 8);
const SYNTHETIC_NAMESPACE = '2f1e9c55-0d7b-4f8e-9a51-7c3e7d1b6a42';
const ROUTER_PORT = 15000;
const PORT_OFFSET = 11000;

const SCENARIOS = [
  { name: 'search "lastensuojelu" (fi), first 20', query: '{ services(filter: { text: "lastensuojelu" }, first: 20) { totalCount edges { node { id name } match { score snippet } } } }' },
  { name: 'search "housing allowance" (en) in Oulu, first 20', query: '{ services(filter: { text: "housing allowance", municipalities: ["564"] }, first: 20) { totalCount edges { node { id name } } } }' },
  { name: 'search "päivähoito" where one can visit, first 20', query: '{ services(filter: { text: "päivähoito", channelKinds: [SERVICE_LOCATION] }, first: 20) { totalCount edges { node { id name } } } }' },
  { name: 'listing: housing classes in Mikkeli, first 20', query: '{ services(filter: { serviceClasses: ["P1"], municipalities: ["491"] }, first: 20) { totalCount edges { node { id name } } } }' },
  { name: 'listing: everything, first 100', query: '{ services(first: 100) { totalCount edges { node { id name } } } }' },
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

export async function benchDirectory(): Promise<void> {
  await assertPortsFree(serviceCommands(ROUTER_PORT, PORT_OFFSET, BENCH_ROUTER_ENV).map((service) => service.port));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-bench-directory-'));
  const children: ChildProcess[] = [];
  try {
    let started = Date.now();
    const count = await buildSyntheticCatalogue(dataDir);
    console.log(`SYNTHETIC catalogue: ${count} services (the real ${'2,423'} copied under new ids), written in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    started = Date.now();
    let indexLine = '';
    for (const service of serviceCommands(ROUTER_PORT, PORT_OFFSET, BENCH_ROUTER_ENV)) {
      const child = spawn('sh', ['-c', service.command], {
        cwd: ROOT,
        env: { ...process.env, ...service.env, AURORA_DATA_DIR: dataDir, LOG_LEVEL: 'info', MONGODB_URI: '' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      child.stdout?.on('data', (chunk: Buffer) => {
        const line = chunk.toString().split('\n').find((text) => text.includes('search index built'));
        if (line) indexLine = line;
      });
      children.push(child);
    }
    const notReady = await waitUntilReady(`http://127.0.0.1:${ROUTER_PORT}/ready`, Date.now() + 300_000);
    if (notReady) throw new Error(`the network did not become ready: ${JSON.stringify(notReady)}`);
    const built = indexLine ? (JSON.parse(indexLine) as { ms: number; services: number }) : null;
    console.log(`directory ready in ${((Date.now() - started) / 1000).toFixed(1)} s; search index: ${built ? `${built.services} services in ${(built.ms / 1000).toFixed(1)} s` : 'not reported'}`);
    const directPort = (serviceCommands(ROUTER_PORT, PORT_OFFSET, BENCH_ROUTER_ENV)[0] as { port: number }).port;
    const direct = `http://127.0.0.1:${directPort}/graphql`;
    const router = `http://127.0.0.1:${ROUTER_PORT}/graphql`;
    console.log(`machine: ${os.cpus().length} cores, node ${process.version}; 1 client for latency, 8 for throughput, ${SECONDS} s each\n`);

    for (const scenario of SCENARIOS) {
      const body = JSON.stringify({ query: scenario.query });
      await load(direct, body, 2, 1); // warm up
      const directLatency = await load(direct, body, 1, SECONDS);
      const directThroughput = await load(direct, body, 8, SECONDS);
      const routerLatency = await load(router, body, 1, SECONDS);
      console.log(scenario.name);
      console.log(`  direct, 1 client:   ${format(directLatency)}`);
      console.log(`  direct, 8 clients:  ${format(directThroughput)}`);
      console.log(`  router, 1 client:   ${format(routerLatency)}   router/direct p50 ${(routerLatency.p50 / directLatency.p50).toFixed(2)}x`);
    }
    console.log(`\nresident memory (MiB): service-directory ${rssMiB(children[0]?.pid)}, router ${rssMiB(children[children.length - 1]?.pid)}`);
  } finally {
    for (const child of [...children].reverse()) child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 500));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
