/**
 * `npm run bench -- soak`: the network as `npm start` runs it (separate processes, supervised),
 * under mixed traffic for SOAK_DURATION_S (60 s): the benchmark's queries, a search, service
 * packages and hostile requests. A third of the way in, kela is killed with SIGKILL; the
 * supervisor starts it again. Prints throughput, latency, answers by error code, how long kela's
 * fields were missing, and each process's memory before and after.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assertPortsFree, BENCH_ROUTER_ENV, ROOT, serviceCommands, waitUntilReady } from '../services';
import { supervise } from '../supervise';
import { SCENARIOS } from './scenarios';

const ROUTER_PORT = 15000;
const PORT_OFFSET = 13000;
const DURATION_S = Number(process.env.SOAK_DURATION_S ?? 60);
const WORKERS = Number(process.env.SOAK_CONNECTIONS ?? 8);

const MIXED: { name: string; body: string }[] = [
  ...SCENARIOS.map((scenario) => ({ name: scenario.name, body: JSON.stringify({ query: scenario.query }) })),
  { name: 'search', body: JSON.stringify({ query: '{ services(filter: { text: "velkaneuvonta" }, first: 5) { totalCount edges { node { name } } } }' }) },
  {
    name: 'packages',
    body: JSON.stringify({
      query:
        '{ recommendServicePackages(situation: { lifeEvents: ["KE8"], municipality: "491", language: EN }, first: 2) { title items { service { name benefits { name } } } } }',
    }),
  },
  { name: 'hostile: deep', body: JSON.stringify({ query: `{ ${'services { edges { node { '.repeat(40)}id${' } } }'.repeat(40)} }` }) },
  {
    name: 'hostile: unknown keys',
    body: JSON.stringify({
      query: 'query($s: SituationInput!) { recommendServicePackages(situation: $s) { title } }',
      variables: { s: Object.fromEntries(Array.from({ length: 3000 }, (_, index) => [`k${index}`, index])) },
    }),
  },
  { name: 'hostile: garbage', body: '{"query":"{{{{ services(first: -1) ]]"}' },
];

/** Resident memory of each service's node process, found by its entry file. */
function memoryByService(names: string[]): Record<string, number> {
  const found: Record<string, number> = {};
  for (const pid of fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!command.includes(`--conditions=aurora-source`)) continue;
      const name = names.find((candidate) =>
        command.includes(candidate === 'router' ? 'router/src/main.ts' : candidate === 'registry' ? 'registry/main.ts' : `subgraphs/${candidate}/src/main.ts`),
      );
      const kib = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
      if (name && kib) found[name] = Math.round(kib / 1024);
    } catch {
      // a process that ended meanwhile
    }
  }
  return found;
}

function pidOf(service: string): number | null {
  for (const pid of fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (command.includes(`subgraphs/${service}/src/main.ts`) && command.startsWith('node')) return Number(pid);
    } catch {
      // gone
    }
  }
  return null;
}

export async function benchSoak(): Promise<void> {
  const commands = serviceCommands(ROUTER_PORT, PORT_OFFSET, BENCH_ROUTER_ENV);
  await assertPortsFree(commands.map((command) => command.port));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-soak-'));
  const restarts: string[] = [];
  const services = supervise(
    commands.map((command) => ({ ...command, env: { ...command.env, AURORA_DATA_DIR: dataDir, LOG_LEVEL: 'error', MONGODB_URI: '' } })),
    {
      cwd: ROOT,
      firstDelayMs: 1000,
      say: (line) => {
        restarts.push(line);
        console.log(`  supervisor: ${line}`);
      },
    },
  );
  try {
    const started = Date.now();
    const notReady = await waitUntilReady(`http://127.0.0.1:${ROUTER_PORT}/ready`, started + 180_000);
    if (notReady) throw new Error(`the network did not become ready: ${JSON.stringify(notReady)}`);
    const names = commands.map((command) => command.name);
    const before = memoryByService(names);
    console.log(
      `network ready in ${((Date.now() - started) / 1000).toFixed(1)} s; ${WORKERS} connections for ${DURATION_S} s, kela killed at ${Math.round(DURATION_S / 3)} s\n`,
    );

    const codes = new Map<string, number>();
    const latencies: number[] = [];
    let requests = 0;
    let kelaMissingFrom: number | null = null;
    let kelaMissingUntil: number | null = null;
    let killedAt: number | null = null;
    const url = `http://127.0.0.1:${ROUTER_PORT}/graphql`;
    const end = Date.now() + DURATION_S * 1000;
    const killer = setTimeout(
      () => {
        const pid = pidOf('kela');
        killedAt = Date.now();
        if (pid) process.kill(pid, 'SIGKILL');
        console.log(`  killed kela (pid ${pid ?? 'not found'}) with SIGKILL`);
      },
      (DURATION_S * 1000) / 3,
    );
    const worker = async (offset: number) => {
      for (let turn = offset; Date.now() < end; turn += 1) {
        const request = MIXED[turn % MIXED.length] as (typeof MIXED)[number];
        const sent = performance.now();
        try {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: request.body,
            signal: AbortSignal.timeout(30_000),
          });
          const body = (await response.json().catch(() => null)) as { errors?: { extensions?: { code?: string; serviceName?: string } }[] } | null;
          const seen = new Set(
            (body?.errors ?? []).map(
              (error) => `${error.extensions?.code ?? 'no code'}${error.extensions?.serviceName ? ` (${error.extensions.serviceName})` : ''}`,
            ),
          );
          if (seen.size === 0) seen.add(response.ok ? 'ok' : `HTTP ${response.status}`);
          for (const code of seen) codes.set(code, (codes.get(code) ?? 0) + 1);
          if (seen.has('SUBGRAPH_UNAVAILABLE (kela)')) {
            kelaMissingFrom ??= Date.now();
            kelaMissingUntil = Date.now();
          }
        } catch (error) {
          const code = `no answer (${(error as Error).name})`;
          codes.set(code, (codes.get(code) ?? 0) + 1);
        }
        latencies.push(performance.now() - sent);
        requests += 1;
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, (_, index) => worker(index)));
    clearTimeout(killer);
    const after = memoryByService(names);
    latencies.sort((a, b) => a - b);
    const at = (q: number) => (latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(0);
    console.log(
      `${requests} requests in ${DURATION_S} s: ${(requests / DURATION_S).toFixed(0)} req/s; latency p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`,
    );
    console.log(
      `answers: ${[...codes]
        .sort((a, b) => b[1] - a[1])
        .map(([code, count]) => `${code} ${count}`)
        .join(', ')}`,
    );
    if (killedAt !== null) {
      console.log(
        kelaMissingUntil !== null && kelaMissingFrom !== null
          ? `kela's fields were missing for ${((kelaMissingUntil - killedAt) / 1000).toFixed(1)} s after the kill (answers named it from ${((kelaMissingFrom - killedAt) / 1000).toFixed(1)} s); restarts: ${restarts.length}`
          : `no answer named kela as missing after the kill; restarts: ${restarts.length}`,
      );
    }
    console.log(`resident memory before → after (MiB): ${names.map((name) => `${name} ${before[name] ?? '?'} → ${after[name] ?? '?'}`).join(', ')}`);
  } finally {
    await services.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
