import type { Express } from 'express';
import type { RouterMetrics } from './metrics';
import type { RegistrySupergraph } from './registry-supergraph';

/**
 * A subgraph is up when its `/ready` says so (the kit's subgraphs answer 503 while they build
 * their index); one without `/ready` is up when its `/health` answers.
 */
async function probe(url: string, timeoutMs: number): Promise<'up' | 'starting' | 'down'> {
  const base = url.replace(/\/graphql\/?$/, '');
  try {
    const ready = await fetch(`${base}/ready`, { signal: AbortSignal.timeout(timeoutMs) });
    if (ready.ok) return 'up';
    if (ready.status === 503) return 'starting';
    const health = await fetch(`${base}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    return health.ok ? 'up' : 'down';
  } catch {
    return 'down';
  }
}

/** What the status routes read: the subgraphs the gateway routes to, the registry if any, the metrics. */
export interface StatusSources {
  /** Subgraph name → URL, as the gateway built its data sources. */
  subgraphs: Map<string, string>;
  registry: RegistrySupergraph | null;
  metrics: RouterMetrics;
  /** The network's core subgraphs: the router is not ready without them. */
  coreSubgraphs: readonly string[];
  readinessTimeoutMs: number;
}

/** The router's own status: `/health` (liveness), `/ready` (readiness, each subgraph's state) and `/metrics`. */
export function statusRoutes(app: Express, status: StatusSources): void {
  const { subgraphs, registry, metrics } = status;
  // Every subgraph the current supergraph routes to (one the registry no longer lists is left out), probed.
  const probeSubgraphs = async () => {
    const listed = [...subgraphs].filter(([name]) => !registry || registry.owners.size === 0 || registry.owners.has(name));
    const states = await Promise.all(listed.map(async ([name, url]) => [name, await probe(url, status.readinessTimeoutMs)] as const));
    metrics.subgraphStates(states);
    return states;
  };
  app.get('/metrics', async (_request, response) => {
    await probeSubgraphs();
    response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.get('/health', (_request, response) => {
    response.json({ status: 'ok', service: 'router' });
  });
  // Ready when the router and the network's core subgraphs answer: another organisation's subgraph
  // being down is reported (and its fields are null with SUBGRAPH_UNAVAILABLE), but it cannot pull
  // every router out of a load balancer. A subgraph the registry no longer lists is not reported.
  app.get('/ready', async (_request, response) => {
    const states = await probeSubgraphs();
    const core = new Set(status.coreSubgraphs);
    const ready = states.every(([name, state]) => state === 'up' || !core.has(name));
    const whole = states.every(([, state]) => state === 'up');
    response.status(ready ? 200 : 503).json({
      status: whole ? 'ready' : ready ? 'degraded' : 'not ready',
      supergraph: 'loaded',
      subgraphs: Object.fromEntries(states),
      ...(registry ? { registry: registry.state } : {}),
    });
  });
}
