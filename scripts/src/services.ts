import { type ManifestEntry, REGISTRY_PORT, ROOT, ROUTER_PORT, readManifest } from '@aurora/manifest';

export { ROOT, ROUTER_PORT };

// exec: the shell gives way to node, so signals and exit codes are node's own.
const RUN_TS = 'exec node -r @swc-node/register --conditions=aurora-source';

/** The subgraphs of the manifest that serve a page (a reference service), each at its root. */
export function pages(): ManifestEntry[] {
  return readManifest().filter((entry) => entry.page);
}

/** The origins a browser loads the pages from: the router lets only these call it (CORS). */
function pageOrigins(portOffset: number): string {
  return pages()
    .flatMap(({ port }) => [`http://localhost:${port + portOffset}`, `http://127.0.0.1:${port + portOffset}`])
    .join(',');
}

export interface ServiceCommand {
  name: string;
  command: string;
  port: number;
  env: Record<string, string>;
}

/**
 * The processes of a local network: every subgraph of the manifest and the router. With a port
 * offset the subgraphs move and the router is told their new URLs (benchmarks beside `npm start`).
 */
export function serviceCommands(routerPort = ROUTER_PORT, portOffset = 0, routerEnv: Record<string, string> = {}): ServiceCommand[] {
  const subgraphs = readManifest().map((entry) => {
    const port = entry.port + portOffset;
    // Subgraphs that read the network (the recommendation engine follows the catalogue) use this router.
    return {
      name: entry.name,
      command: `${RUN_TS} subgraphs/${entry.name}/src/main.ts`,
      port,
      env: {
        PORT: String(port),
        AURORA_ROUTER_URL: `http://127.0.0.1:${routerPort}/graphql`,
        AURORA_PUBLIC_ROUTER_URL: `http://localhost:${routerPort}/graphql`,
      },
    };
  });
  const urls = subgraphs.map((subgraph) => `${subgraph.name}=http://127.0.0.1:${subgraph.port}/graphql`).join(',');
  const registryPort = REGISTRY_PORT + portOffset;
  return [
    ...subgraphs,
    { name: 'registry', command: `${RUN_TS} registry/src/main.ts`, port: registryPort, env: { PORT: String(registryPort) } },
    {
      name: 'router',
      command: `${RUN_TS} router/src/main.ts`,
      port: routerPort,
      env: {
        PORT: String(routerPort),
        AURORA_REGISTRY_URL: `http://127.0.0.1:${registryPort}`,
        AURORA_REGISTRY_POLL_MS: '1000',
        AURORA_CORS_ORIGINS: pageOrigins(portOffset),
        ...(portOffset ? { AURORA_SUBGRAPH_URLS: urls } : {}),
        ...routerEnv,
      },
    },
  ];
}

/** Benchmarks load the router from one address far beyond a client's rate limit; they measure the router, not its limiter. */
export const BENCH_ROUTER_ENV: Record<string, string> = {
  AURORA_RATE_LIMIT_PER_ADDRESS: '0',
  AURORA_RATE_LIMIT_PER_IDENTITY: '0',
  AURORA_RATE_LIMIT_PER_PROVIDER: '0',
};

/** Polls the router's /ready until it answers 200; returns null then, else the last state seen. */
export async function waitUntilReady(
  url: string,
  deadline: number,
  stopped: () => boolean = () => false,
  required: string[] = readManifest().map((entry) => entry.name),
): Promise<Record<string, string> | null> {
  let last: Record<string, string> = { router: 'starting' };
  while (Date.now() < deadline && !stopped()) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      const body = (await response.json()) as { subgraphs?: Record<string, string> };
      // Ready when the network's own subgraphs answer; a provider's subgraph that is down does not hold the start.
      // (The router's own /ready gates on the core subgraphs only; a start waits for every one of ours.)
      if (body.subgraphs ? required.every((name) => body.subgraphs?.[name] === 'up') : response.ok) return null;
      last = body.subgraphs ?? last;
    } catch {
      last = { router: 'starting' };
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return last;
}

/** Fails when any of the ports already answers: a benchmark must not measure a leftover process. */
export async function assertPortsFree(ports: number[]): Promise<void> {
  for (const port of ports) {
    const inUse = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(500) }).then(
      () => true,
      (error: { cause?: { code?: string } }) => error.cause?.code !== 'ECONNREFUSED',
    );
    if (inUse) throw new Error(`port ${port} is already in use; stop what is listening there first.`);
  }
}
