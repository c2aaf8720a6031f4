/**
 * `npm run bench -- router`: the same supergraph and query mix against our router (with and
 * without in-flight deduplication of subgraph requests), plain @apollo/gateway with default
 * settings, @graphql-hive/gateway with its defaults, and the physical limit (the subgraph that
 * answers alone, asked directly). Every server runs in its own process; the load generator (autocannon) runs in
 * this one. Prints req/s, p50/p99 and peak memory, and the ratios.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SUPERGRAPH_FILE } from '@aurora/schema';
import autocannon from 'autocannon';
import { assertPortsFree, BENCH_ROUTER_ENV, ROOT, serviceCommands, waitUntilReady } from '../services';

const ROUTER_PORT = 16000;
const PLAIN_PORT = 16100;
const HIVE_PORT = 16200;
const NO_DEDUP_PORT = 16300;
const CACHED_PORT = 16400;
const PORT_OFFSET = 12000;
const SECONDS = Number(process.env.BENCH_DURATION_S ?? 8);

const MIX = [
  {
    name: 'cross-subgraph: services with benefits (kela) and visiting details (mikkeli), entities at two levels',
    query:
      '{ services(filter: { serviceClasses: ["P1"], municipalities: ["491"] }, first: 10) { edges { node { name benefits { name } channels { ... on ServiceLocationChannel { name visitingDetails { parking } } } } } } }',
    direct: false,
  },
  { name: 'directory search', query: '{ services(filter: { text: "lastensuojelu" }, first: 10) { totalCount edges { node { id name } } } }', direct: true },
];

function peakRss(pid: number | undefined): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
  } catch {
    return NaN;
  }
}

async function run(url: string, query: string) {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    connections: 10,
    duration: SECONDS,
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

export async function benchRouter(): Promise<void> {
  const commands = serviceCommands(ROUTER_PORT, PORT_OFFSET, BENCH_ROUTER_ENV).filter((command) => command.name !== 'registry');
  await assertPortsFree([...commands.map((command) => command.port), PLAIN_PORT, HIVE_PORT, NO_DEDUP_PORT, CACHED_PORT]);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-bench-router-'));
  const children: { name: string; child: ChildProcess }[] = [];
  const spawnService = (name: string, command: string, env: Record<string, string>) =>
    children.push({
      name,
      child: spawn('sh', ['-c', command], {
        cwd: ROOT,
        env: { ...process.env, AURORA_DATA_DIR: dataDir, LOG_LEVEL: 'warn', MONGODB_URI: '', ...env },
        stdio: ['ignore', 'ignore', 'inherit'],
      }),
    });
  try {
    for (const command of commands) {
      const env = { ...command.env };
      if (command.name === 'router') {
        delete env.AURORA_REGISTRY_URL;
        delete env.AURORA_REGISTRY_POLL_MS;
      }
      spawnService(command.name, command.command, env);
    }
    const urls = commands
      .filter((command) => command.name !== 'router')
      .map((command) => `${command.name}=http://127.0.0.1:${command.port}/graphql`)
      .join(',');
    spawnService(
      'plain-gateway',
      `exec node -r @swc-node/register --conditions=aurora-source scripts/src/bench/plain-gateway.ts ${SUPERGRAPH_FILE} ${PLAIN_PORT} ${urls}`,
      {},
    );
    // Hive Gateway with its defaults, on the same supergraph with the bench's routing URLs.
    let supergraph = fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
    for (const command of commands.filter((entry) => entry.name !== 'router')) {
      supergraph = supergraph.replace(new RegExp(`http://localhost:${command.port - PORT_OFFSET}/graphql`, 'g'), `http://127.0.0.1:${command.port}/graphql`);
    }
    const hiveSupergraph = path.join(dataDir, 'supergraph.graphql');
    fs.writeFileSync(hiveSupergraph, supergraph);
    spawnService(
      'hive-gateway',
      `exec ${path.join(ROOT, 'node_modules', '.bin', 'hive-gateway')} supergraph ${hiveSupergraph} --host 127.0.0.1 --port ${HIVE_PORT} --polling 1h`,
      {},
    );
    const router = commands.find((command) => command.name === 'router');
    if (router) {
      const { AURORA_REGISTRY_URL: _registry, AURORA_REGISTRY_POLL_MS: _poll, ...env } = router.env;
      spawnService('router-no-dedup', router.command, {
        ...env,
        PORT: String(NO_DEDUP_PORT),
        AURORA_SUBGRAPH_URLS: urls,
        AURORA_DEDUPLICATE_SUBGRAPH_REQUESTS: 'false',
        AURORA_DATA_DIR: path.join(dataDir, 'second-router'),
      });
      spawnService('router-cached', router.command, {
        ...env,
        PORT: String(CACHED_PORT),
        AURORA_SUBGRAPH_URLS: urls,
        AURORA_RESPONSE_CACHE: 'true',
        AURORA_DATA_DIR: path.join(dataDir, 'third-router'),
      });
    }
    const notReady = await waitUntilReady(`http://127.0.0.1:${ROUTER_PORT}/ready`, Date.now() + 120_000);
    if (notReady) throw new Error(`the network did not become ready: ${JSON.stringify(notReady)}`);
    await waitUntilReady(`http://127.0.0.1:${PLAIN_PORT}/`, Date.now() + 60_000, () => false, []).catch(() => null);
    if (await waitUntilReady(`http://127.0.0.1:${NO_DEDUP_PORT}/ready`, Date.now() + 60_000)) throw new Error('the second router did not become ready');
    if (await waitUntilReady(`http://127.0.0.1:${CACHED_PORT}/ready`, Date.now() + 60_000)) throw new Error('the third router did not become ready');
    await waitUntilReady(`http://127.0.0.1:${HIVE_PORT}/healthcheck`, Date.now() + 60_000, () => false, []).catch(() => null);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const targets = [
      { label: 'our router', url: `http://127.0.0.1:${ROUTER_PORT}/graphql`, pid: children.find((entry) => entry.name === 'router')?.child.pid },
      { label: 'plain @apollo/gateway', url: `http://127.0.0.1:${PLAIN_PORT}/`, pid: children.find((entry) => entry.name === 'plain-gateway')?.child.pid },
      { label: '@graphql-hive/gateway', url: `http://127.0.0.1:${HIVE_PORT}/graphql`, pid: children.find((entry) => entry.name === 'hive-gateway')?.child.pid },
      {
        label: 'our router, deduplication off',
        url: `http://127.0.0.1:${NO_DEDUP_PORT}/graphql`,
        pid: children.find((entry) => entry.name === 'router-no-dedup')?.child.pid,
      },
      {
        label: 'our router, response cache on',
        url: `http://127.0.0.1:${CACHED_PORT}/graphql`,
        pid: children.find((entry) => entry.name === 'router-cached')?.child.pid,
      },
    ];
    const directUrl = `http://127.0.0.1:${commands[0]?.port}/graphql`;
    const pinning = pinLoadAwayFromRouters(targets.map((target) => target.pid));
    console.log(`machine: ${os.cpus().length} cores, node ${process.version}; autocannon 10 connections, ${SECONDS} s per cell, in this process; ${pinning}\n`);
    for (const scenario of MIX) {
      // Correctness first: every target must give the same answer.
      const answers = await Promise.all(
        targets.map(async (target) =>
          JSON.stringify(
            await (
              await fetch(target.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: scenario.query }) })
            ).json(),
          ),
        ),
      );
      const same = answers.every((answer) => answer === answers[0]);
      for (const target of targets) await run(target.url, scenario.query); // warm-up: plans cached, connections open
      const results = [];
      for (const target of targets) results.push({ ...target, ...(await run(target.url, scenario.query)) });
      if (scenario.direct)
        results.push({ label: 'the subgraph alone (physical limit)', url: directUrl, pid: children[0]?.child.pid, ...(await run(directUrl, scenario.query)) });
      console.log(`${scenario.name}\n  same responses from every target: ${same ? 'yes' : `NO: ${answers.map((answer) => answer.slice(0, 80)).join(' / ')}`}`);
      for (const result of results) {
        console.log(
          `  ${result.label.padEnd(38)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${String(result.p50).padStart(4)} ms  p99 ${String(result.p99).padStart(4)} ms  errors ${result.errors}`,
        );
      }
      const [ours, plain, hive, noDedup] = results;
      if (ours && plain && hive && noDedup) {
        console.log(
          `  ratios: our router / plain gateway ${(ours.rps / plain.rps).toFixed(2)}x, / Hive Gateway ${(ours.rps / hive.rps).toFixed(2)}x; without deduplication ${(noDedup.rps / plain.rps).toFixed(2)}x and ${(noDedup.rps / hive.rps).toFixed(2)}x`,
        );
      }
    }
    console.log(`\npeak resident memory (MiB): ${targets.map((target) => `${target.label} ${peakRss(target.pid).toFixed(0)}`).join(', ')}`);
    console.log(
      'Every row but the last of each block has response caching off. Each target ran with 10 concurrent clients sending the same operation: the best case for deduplication and caching alike.',
    );
  } finally {
    for (const { child } of [...children].reverse()) child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 500));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The load generator on the last CPU, the routers and gateways (measured one at a time) on the
 * others, so that autocannon does not take CPU from the router it measures; subgraphs float.
 */
function pinLoadAwayFromRouters(pids: (number | undefined)[]): string {
  const cpus = os.cpus().length;
  if (cpus < 2) return 'not pinned (one CPU)';
  try {
    const routerCpus = cpus === 2 ? '0' : `0-${cpus - 2}`;
    for (const pid of pids) if (pid) execFileSync('taskset', ['-a', '-cp', routerCpus, String(pid)], { stdio: 'ignore' });
    execFileSync('taskset', ['-a', '-cp', String(cpus - 1), String(process.pid)], { stdio: 'ignore' });
    return `load generator pinned to CPU ${cpus - 1}, routers and gateways to CPU ${routerCpus}, subgraphs unpinned`;
  } catch {
    return 'not pinned (taskset unavailable)';
  }
}
