/**
 * `npm run bench`: starts the network as `npm start` does (separate processes, fresh data folder,
 * other ports), loads the router with autocannon for each scenario and prints throughput,
 * latency percentiles and each process's memory. It sends traffic to 127.0.0.1 only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import autocannon from 'autocannon';
import { assertPortsFree, BENCH_ROUTER_ENV, ROOT, serviceCommands, waitUntilReady } from '../services';
import { benchDirectory } from './directory';
import { benchRecommendation } from './recommendation';
import { benchRouter } from './router';
import { benchSoak } from './soak';
import { SCENARIOS } from './scenarios';

const ROUTER_PORT = 14000;
const PORT_OFFSET = 10000;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

function rssMiB(pid: number | undefined): string {
  if (!pid) return '?';
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return (kib / 1024).toFixed(0);
  } catch {
    return '?';
  }
}

async function benchNetwork(): Promise<void> {
  await assertPortsFree(serviceCommands(ROUTER_PORT, PORT_OFFSET, BENCH_ROUTER_ENV).map((service) => service.port));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-bench-'));
  const children: { name: string; child: ChildProcess }[] = serviceCommands(ROUTER_PORT, PORT_OFFSET, BENCH_ROUTER_ENV).map((service) => ({
    name: service.name,
    child: spawn('sh', ['-c', service.command], {
      cwd: ROOT,
      env: { ...process.env, ...service.env, AURORA_DATA_DIR: dataDir, LOG_LEVEL: 'warn', MONGODB_URI: '' },
      stdio: ['ignore', 'inherit', 'inherit'],
    }),
  }));
  // The router first, so that no request in flight meets a subgraph that is already gone.
  const stop = () => {
    for (const { child } of [...children].reverse()) child.kill('SIGINT');
  };
  process.on('SIGINT', stop);
  try {
    const started = Date.now();
    const notReady = await waitUntilReady(`http://127.0.0.1:${ROUTER_PORT}/ready`, started + 120_000);
    if (notReady) throw new Error(`the network did not become ready: ${JSON.stringify(notReady)}`);
    console.log(`network ready in ${((Date.now() - started) / 1000).toFixed(1)} s (first start, import included)`);
    console.log(`machine: ${os.cpus().length} cores, node ${process.version}; ${CONNECTIONS} connections, ${DURATION_S} s per scenario\n`);

    for (const scenario of SCENARIOS) {
      const result = await autocannon({
        url: `http://127.0.0.1:${ROUTER_PORT}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: scenario.query }),
        connections: CONNECTIONS,
        duration: DURATION_S,
      });
      console.log(`${scenario.name}`);
      console.log(
        `  ${result.requests.average.toFixed(0)} req/s   latency p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms   ` +
          `errors ${result.errors}, non-2xx ${result.non2xx}, requests ${result.requests.total}`,
      );
    }
    console.log(`\nresident memory after the run (MiB): ${children.map(({ name, child }) => `${name} ${rssMiB(child.pid)}`).join(', ')}`);
  } finally {
    stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * `npm run bench` runs every suite but the soak; `npm run bench -- network`, `-- directory`,
 * `-- router`, `-- recommendation` or `-- soak` (60 s of mixed traffic with a subgraph killed) one of them.
 */
async function main(): Promise<void> {
  const suite = process.argv[2] ?? 'all';
  if (!['all', 'network', 'directory', 'router', 'recommendation', 'soak'].includes(suite))
    throw new Error(`unknown suite "${suite}": use network, directory, router, recommendation or soak`);
  if (suite === 'soak') {
    console.log('== soak: mixed traffic for a minute, one subgraph killed and started again\n');
    await benchSoak();
    return;
  }
  if (suite === 'all' || suite === 'network') {
    console.log('== network: the bundled catalogue, separate processes, autocannon\n');
    await benchNetwork();
  }
  if (suite === 'all' || suite === 'directory') {
    console.log('\n== directory: search and listing at scale\n');
    await benchDirectory();
  }
  if (suite === 'all' || suite === 'router') {
    console.log('\n== router: against plain @apollo/gateway, Hive Gateway and the physical limit\n');
    await benchRouter();
  }
  if (suite === 'all' || suite === 'recommendation') {
    console.log('\n== recommendation: the engine on a synthetic 50,000-service index\n');
    await benchRecommendation();
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
