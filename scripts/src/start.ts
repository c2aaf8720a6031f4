/**
 * `npm start`: runs every subgraph of the manifest and the router, each in its own process with
 * its output prefixed by its name, waits until the router is ready, then prints where to send
 * queries. Ctrl-C stops everything.
 */
import * as path from 'node:path';
import { readManifest } from '@aurora/schema';
import concurrently, { type ConcurrentlyCommandInput } from 'concurrently';

const ROOT = path.resolve(__dirname, '..', '..');
const ROUTER_PORT = 4000;
const READY_TIMEOUT_MS = 120_000;
// exec: the shell gives way to node, so signals and exit codes are node's own.
const RUN_TS = 'exec node -r @swc-node/register --conditions=aurora-source';

const EXAMPLE_QUERY = '{ services(first: 5) { totalCount edges { node { id name(language: FI) provider { name(language: FI) } } } } }';

function commands(): ConcurrentlyCommandInput[] {
  const subgraphs = readManifest().map((entry) => ({
    name: entry.name,
    command: `${RUN_TS} subgraphs/${entry.name}/src/main.ts`,
    env: { PORT: new URL(entry.routingUrl).port },
  }));
  return [...subgraphs, { name: 'router', command: `${RUN_TS} router/src/main.ts`, env: { PORT: String(ROUTER_PORT) } }];
}

async function waitUntilReady(url: string, deadline: number): Promise<Record<string, string> | null> {
  let last: Record<string, string> = {};
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      const body = (await response.json()) as { subgraphs?: Record<string, string> };
      if (response.ok) return null;
      last = body.subgraphs ?? last;
    } catch {
      last = { router: 'starting' };
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return last;
}

async function main(): Promise<void> {
  const started = Date.now();
  const { result, commands: running } = concurrently(commands(), {
    cwd: ROOT,
    prefix: 'name',
    prefixColors: ['cyan', 'magenta', 'yellow', 'green', 'blue'],
    killOthersOn: ['failure'],
  });
  let stopping = false;
  const stopAll = () => {
    stopping = true;
    for (const command of running) command.kill('SIGINT');
  };
  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);

  const readyUrl = `http://localhost:${ROUTER_PORT}/ready`;
  const waiting = waitUntilReady(readyUrl, started + READY_TIMEOUT_MS).then((notReady) => {
    if (stopping) return;
    if (notReady) {
      process.stderr.write(`\nThe network did not become ready within ${READY_TIMEOUT_MS / 1000} s. Not ready: ${JSON.stringify(notReady)}\n`);
      stopAll();
      process.exitCode = 1;
      return;
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      [
        '',
        `Aurora network ready in ${seconds} s: http://localhost:${ROUTER_PORT}/graphql`,
        '',
        'Try a query:',
        `  curl -s http://localhost:${ROUTER_PORT}/graphql -H 'content-type: application/json' \\`,
        `    -d '${JSON.stringify({ query: EXAMPLE_QUERY })}'`,
        '',
        'Health: /health   Readiness: /ready   Stop: Ctrl-C',
        '',
      ].join('\n'),
    );
  });

  try {
    await result;
  } catch {
    if (!stopping) {
      process.stderr.write('\nA service stopped with an error (see its lines above); the others were stopped too.\n');
      process.exitCode = 1;
    }
  }
  stopping = true;
  await waiting;
}

void main();
