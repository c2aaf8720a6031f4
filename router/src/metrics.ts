import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Distinct operation names the metrics label (the rest are "other"). */
export const DEFAULT_MAX_OPERATION_LABELS = 200;

/**
 * The router's Prometheus metrics (prom-client): requests, errors and latency per operation, and
 * every subgraph fetch with its outcome and latency. Operation names are the client's; nothing
 * about the person or their variables is recorded.
 */
export class RouterMetrics {
  readonly registry = new Registry();
  /** Operation names with a label of their own: the first ones seen, up to the limit; later ones count as "other". */
  private readonly operations = new Set<string>();
  private readonly requests = new Counter({
    name: 'aurora_router_requests_total',
    help: 'GraphQL requests, by operation name and outcome.',
    labelNames: ['operation', 'outcome'],
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'aurora_router_request_duration_seconds',
    help: 'Time to answer a GraphQL request, by operation name.',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  private readonly fetches = new Counter({
    name: 'aurora_router_subgraph_fetches_total',
    help: 'Fetches from subgraphs, by subgraph and outcome.',
    labelNames: ['subgraph', 'outcome'],
    registers: [this.registry],
  });
  private readonly fetchLatency = new Histogram({
    name: 'aurora_router_subgraph_fetch_duration_seconds',
    help: 'Time a subgraph took to answer a fetch.',
    labelNames: ['subgraph'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  private readonly sharedFetches = new Counter({
    name: 'aurora_router_subgraph_fetches_shared_total',
    help: 'Subgraph requests answered by an identical call already in flight, by subgraph.',
    labelNames: ['subgraph'],
    registers: [this.registry],
  });

  private readonly subgraphUp = new Gauge({
    name: 'aurora_router_subgraph_up',
    help: 'Whether each subgraph of the current supergraph answered its last readiness probe (1) or not (0).',
    labelNames: ['subgraph'],
    registers: [this.registry],
  });

  private readonly rateLimited = new Counter({
    name: 'aurora_router_rate_limited_total',
    help: 'Requests refused with RATE_LIMITED, by the limit reached (address, identity, provider).',
    labelNames: ['limit'],
    registers: [this.registry],
  });

  /**
   * `maxOperations` bounds the operation label: a client that sends 5,000 made-up operation names
   * would otherwise grow every series without end (19 MB of /metrics, never released).
   */
  constructor(private readonly maxOperations = DEFAULT_MAX_OPERATION_LABELS) {
    collectDefaultMetrics({ register: this.registry, prefix: 'aurora_router_' });
  }

  /** The label for an operation name: itself while there is room (and it is a plain name), else "other". */
  private operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= this.maxOperations || name.length > 64 || !/^[_A-Za-z][_0-9A-Za-z]*$/.test(name)) return 'other';
    this.operations.add(name);
    return name;
  }

  plugin(): ApolloServerPlugin {
    return {
      requestDidStart: async () => {
        const started = process.hrtime.bigint();
        return {
          willSendResponse: async ({ operationName, errors, response }) => {
            const operation = this.operationLabel(operationName);
            const failed = (errors?.length ?? 0) > 0 || (response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0);
            this.requests.inc({ operation, outcome: failed ? 'error' : 'ok' });
            this.latency.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
          },
        };
      },
    };
  }

  /** Records one subgraph fetch. */
  fetched(subgraph: string, outcome: 'ok' | 'error' | 'timeout', seconds: number): void {
    this.fetches.inc({ subgraph, outcome });
    this.fetchLatency.observe({ subgraph }, seconds);
  }

  /** Records a subgraph request that shared an identical call in flight. */
  shared(subgraph: string): void {
    this.sharedFetches.inc({ subgraph });
  }

  /** Records a request refused by a rate limit. */
  limited(limit: 'address' | 'identity' | 'provider'): void {
    this.rateLimited.inc({ limit });
  }

  /** Records the subgraphs' states from a readiness probe; subgraphs no longer in the supergraph disappear. */
  subgraphStates(states: readonly (readonly [string, 'up' | 'starting' | 'down'])[]): void {
    this.subgraphUp.reset();
    for (const [subgraph, state] of states) this.subgraphUp.set({ subgraph }, state === 'up' ? 1 : 0);
  }
}
