/**
 * `npm start`: runs every subgraph of the manifest and the router, each in its own process with
 * its output prefixed by its name, waits until the router is ready, then prints where to send
 * queries. A service that crashes is started again with backoff while the others keep serving;
 * Ctrl-C stops everything.
 */
import * as path from 'node:path';
import { ensureDevelopmentSigningKey } from '@aurora/subgraph-kit';
import { pages, ROOT, ROUTER_PORT, serviceCommands, waitUntilReady } from './services';
import { supervise } from './supervise';

const READY_TIMEOUT_MS = 120_000;

const EXAMPLE_QUERY = '{ services(first: 5) { totalCount edges { node { id name(language: FI) provider { name(language: FI) } } } } }';

async function main(): Promise<void> {
  const started = Date.now();
  // Provider tokens for local use are signed with a key made here once; deployments configure theirs.
  const keys = await ensureDevelopmentSigningKey(path.resolve(ROOT, process.env.AURORA_DATA_DIR ?? '.data'));
  if (keys.created) process.stdout.write(`Created a development signing key for provider tokens: ${path.relative(ROOT, keys.privateKeyFile)}\n`);
  const services = supervise(serviceCommands(ROUTER_PORT), { cwd: ROOT });
  let stopping = false;
  const stopAll = () => {
    stopping = true;
    void services.stop();
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
        'Open in a browser:',
        ...pages().map((page) => `  ${`${page.name}:`.padEnd(18)} http://localhost:${page.port}/`),
        '',
        'Try a query:',
        `  curl -s http://localhost:${ROUTER_PORT}/graphql -H 'content-type: application/json' \\`,
        `    -d '${JSON.stringify({ query: EXAMPLE_QUERY })}'`,
        '',
        'Provider mutations need a token; mint one for local use with:',
        '  npm run token -- --organisation <organisation id>',
        '',
        'Health: /health   Readiness: /ready   Stop: Ctrl-C',
        'A service that stops by itself is started again (1 s, 2 s, 4 s … at most 30 s apart); the others keep serving.',
        '',
      ].join('\n'),
    );
  });

  await services.finished;
  stopping = true;
  await waiting;
}

void main();
