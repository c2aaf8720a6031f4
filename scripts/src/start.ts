/**
 * `npm start`: runs every subgraph of the manifest and the router, each in its own process with
 * its output prefixed by its name, waits until the router is ready, then prints where to send
 * queries. Ctrl-C stops everything.
 */
import concurrently from 'concurrently';
import { ROOT, serviceCommands, waitUntilReady } from './services';

const ROUTER_PORT = 4000;
const READY_TIMEOUT_MS = 120_000;

const EXAMPLE_QUERY = '{ services(first: 5) { totalCount edges { node { id name(language: FI) provider { name(language: FI) } } } } }';

async function main(): Promise<void> {
  const started = Date.now();
  const { result, commands: running } = concurrently(serviceCommands(ROUTER_PORT), {
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
  const waiting = waitUntilReady(readyUrl, started + READY_TIMEOUT_MS, () => stopping).then((notReady) => {
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
