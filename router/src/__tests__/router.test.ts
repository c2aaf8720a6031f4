import { randomBytes } from 'node:crypto';
import { composeServices } from '@apollo/composition';
import { createEmbeddedStore } from '@aurora/store';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { buildSubgraphFromSdl, createLogger, createSubgraphServer, federationLink, type RunningServer } from '@aurora/subgraph-kit';
import { parse } from 'graphql';
import { createRouter } from '../index';

const logger = createLogger('router-test', 'silent');
const typeDefs = 'type Query { greeting(name: String!): String! }';

async function post(url: string, body: string): Promise<{ status: number; json: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: response.status, json: await response.json() };
}

describe('router', () => {
  let subgraph: RunningServer;
  let router: RunningServer;
  const spans = new InMemorySpanExporter();
  const received: (string | undefined)[] = [];

  beforeAll(async () => {
    const schema = buildSubgraphFromSdl(typeDefs, { Query: { greeting: (_: unknown, { name }: { name: string }) => `Hei ${name}` } });
    subgraph = await createSubgraphServer({
      name: 'greeter',
      schema,
      logger,
      context: (request) => {
        received.push(request.headers.traceparent as string | undefined);
        return {};
      },
    }).listen(0);
    // The supergraph names a port nobody listens on; the router is told the real one.
    const composed = composeServices([{ name: 'greeter', url: 'http://127.0.0.1:9/graphql', typeDefs: parse(`${federationLink()}\n${typeDefs}`) }]);
    if (composed.errors) throw composed.errors[0];
    router = await createRouter({
      supergraph: { sdl: composed.supergraphSdl },
      subgraphUrls: { greeter: subgraph.url },
      logger,
      readinessTimeoutMs: 500,
      routerKey: randomBytes(32),
      personalDataSecret: randomBytes(32).toString('base64url'),
      store: createEmbeddedStore(),
      traceExporter: spans,
    }).listen(0);
  });

  afterAll(async () => {
    await router.close();
  });

  it('answers through the subgraph at the configured URL', async () => {
    const { json } = await post(router.url, JSON.stringify({ query: '{ greeting(name: "Aino") }' }));
    expect(json).toEqual({ data: { greeting: 'Hei Aino' } });
  });

  it('counts requests per operation and fetches per subgraph in Prometheus metrics, without variables', async () => {
    await post(router.url, JSON.stringify({ query: 'query Hello($name: String!) { greeting(name: $name) }', variables: { name: 'secret-name-42' } }));
    const text = await (await fetch(router.url.replace('/graphql', '/metrics'))).text();
    expect(text).toMatch(/aurora_router_requests_total\{operation="Hello",outcome="ok"\} 1/);
    expect(text).toMatch(/aurora_router_request_duration_seconds_count\{operation="Hello"\} 1/);
    expect(text).toMatch(/aurora_router_subgraph_fetches_total\{subgraph="greeter",outcome="ok"\} [1-9]/);
    expect(text).not.toContain('secret-name-42');
  });

  it('labels at most 200 operation names in the metrics, counting the rest as "other"', async () => {
    for (let batch = 0; batch < 5; batch += 1) {
      await Promise.all(
        Array.from({ length: 50 }, (_, index) => post(router.url, JSON.stringify({ query: `query Made${batch * 50 + index} { greeting(name: "x") }` }))),
      );
    }
    const text = await (await fetch(router.url.replace('/graphql', '/metrics'))).text();
    const labels = new Set([...text.matchAll(/aurora_router_requests_total\{operation="([^"]+)"/g)].map((match) => match[1]));
    expect(labels.size).toBeLessThanOrEqual(202); // 200 names, "anonymous" and "other"
    expect(labels).toContain('other');
    expect(text).toMatch(/aurora_router_requests_total\{operation="other",outcome="ok"\} [1-9]/);
  });

  it("traces a request and its subgraph fetch, continuing the client's W3C trace context to the subgraph", async () => {
    spans.reset();
    received.length = 0;
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await fetch(router.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
      body: JSON.stringify({ query: 'query Traced { greeting(name: "Aino") }' }),
    });
    expect(await response.json()).toEqual({ data: { greeting: 'Hei Aino' } });
    const finished = spans.getFinishedSpans();
    const request = finished.find((span) => span.name === 'graphql.request');
    const fetchSpan = finished.find((span) => span.name === 'subgraph.fetch greeter');
    expect(request?.spanContext().traceId).toBe(traceId);
    expect(request?.attributes['graphql.operation.name']).toBe('Traced');
    expect(fetchSpan?.spanContext().traceId).toBe(traceId);
    expect(fetchSpan?.parentSpanContext?.spanId ?? (fetchSpan as unknown as { parentSpanId?: string }).parentSpanId).toBe(request?.spanContext().spanId);
    expect(received.at(-1)).toBe(`00-${traceId}-${fetchSpan?.spanContext().spanId}-01`);
  });

  it('refuses malformed requests with coded errors', async () => {
    const badJson = await post(router.url, '{"query": "{ greeting');
    expect(badJson).toEqual({ status: 400, json: { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] } });
    const badQuery = await post(router.url, JSON.stringify({ query: '{ greeting(name: ) }' }));
    expect(badQuery.json.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const wrongType = await post(router.url, JSON.stringify({ query: '{ greeting(name: 5) }' }));
    expect(wrongType.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify([badQuery.json, wrongType.json])).not.toContain('stacktrace');
  });

  it('reports health and readiness, and stays alive with SUBGRAPH_UNAVAILABLE when a subgraph is down', async () => {
    const base = router.url.replace('/graphql', '');
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok', service: 'router' });
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', supergraph: 'loaded', subgraphs: { greeter: 'up' } });

    await subgraph.close();
    // The greeter is not one of the network's core subgraphs: reported, not gating.
    const degraded = await fetch(`${base}/ready`);
    expect(degraded.status).toBe(200);
    expect(await degraded.json()).toEqual({ status: 'degraded', supergraph: 'loaded', subgraphs: { greeter: 'down' } });
    const { json } = await post(router.url, JSON.stringify({ query: '{ greeting(name: "Aino") }' }));
    expect(json.errors[0].extensions.code).toBe('SUBGRAPH_UNAVAILABLE');
    expect(json.errors[0].message).toContain('is not answering');
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });
});
