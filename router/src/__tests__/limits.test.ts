import { randomBytes } from 'node:crypto';
import { composeServices } from '@apollo/composition';
import { createEmbeddedStore } from '@aurora/store';
import { buildSubgraphFromSdl, createLogger, createSubgraphServer, federationLink, type RunningServer } from '@aurora/subgraph-kit';
import { parse } from 'graphql';
import { auditServer } from 'graphql-http';
import { createRouter } from '../index';

const logger = createLogger('limits-test', 'silent');
const typeDefs = `
  type Query { "A node." node: Node "A greeting." greeting: String }
  "A node of an endless chain."
  type Node { "Its name." name: String "The next one." child: Node }`;

let subgraph: RunningServer;
let router: RunningServer;

async function post(body: string, headers: Record<string, string> = {}): Promise<{ status: number; json: any; ms: number }> {
  const started = performance.now();
  const response = await fetch(router.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, json: await response.json().catch(() => null), ms: performance.now() - started };
}

beforeAll(async () => {
  const node = (): Record<string, unknown> => ({ name: 'n', child: node });
  const schema = buildSubgraphFromSdl(typeDefs, { Query: { node, greeting: () => 'Hei' } });
  subgraph = await createSubgraphServer({ name: 'chain', schema, logger, context: () => ({}) }).listen(0);
  const composed = composeServices([{ name: 'chain', url: subgraph.url, typeDefs: parse(`${federationLink()}\n${typeDefs}`) }]);
  if (composed.errors) throw composed.errors[0];
  router = await createRouter({
    supergraph: { sdl: composed.supergraphSdl },
    logger,
    routerKey: randomBytes(32),
    personalDataSecret: randomBytes(32).toString('base64url'),
    store: createEmbeddedStore(),
    corsOrigins: ['https://app.example.fi'],
  }).listen(0);
});

afterAll(async () => {
  await router.close();
  await subgraph.close();
});

describe('limits against abuse', () => {
  it.each([
    ['a depth bomb', `{ node { ${'child { '.repeat(40)}name${' }'.repeat(40)} } }`, 'GRAPHQL_VALIDATION_FAILED', /depth|cost/i],
    ['an alias bomb', `{ ${Array.from({ length: 200 }, (_, index) => `a${index}: greeting`).join(' ')} }`, 'GRAPHQL_VALIDATION_FAILED', /alias/i],
    ['too many root fields', `{ ${Array.from({ length: 25 }, () => 'greeting').join(' ')} }`, 'GRAPHQL_VALIDATION_FAILED', /25 root fields; at most 20/],
    ['a token bomb', `{ greeting ${'@include(if: true) '.repeat(1500)}}`, 'BAD_USER_INPUT', /more than 5000 tokens/],
    ['invalid GraphQL', '{ greeting(', 'GRAPHQL_PARSE_FAILED', /Syntax Error/],
  ])('refuses %s quickly with a coded error, while others are served', async (_label, query, code, message) => {
    const [refused, normal] = await Promise.all([post(JSON.stringify({ query })), post(JSON.stringify({ query: '{ greeting node { child { name } } }' }))]);
    expect(refused.json.errors[0].extensions.code).toBe(code);
    expect(refused.json.errors[0].message).toMatch(message);
    expect(refused.ms).toBeLessThan(1000);
    expect(normal.json).toEqual({ data: { greeting: 'Hei', node: { child: { name: 'n' } } } });
  });

  it('names the limit in its own words, not as a syntax error, and answers 400 for an unknown operation name', async () => {
    const deep = await post(JSON.stringify({ query: `{ node { ${'child { '.repeat(40)}name${' }'.repeat(40)} } }` }));
    for (const error of deep.json.errors) expect(error.message).not.toMatch(/^Syntax Error/);
    expect(deep.json.errors[0].message).toMatch(/depth|cost/i);
    const unknown = await post(JSON.stringify({ query: 'query A { greeting } query B { greeting }', operationName: 'C' }));
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors[0]).toMatchObject({ message: 'Unknown operation named "C".', extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } });
  });

  it('refuses a 10 MB body, a batch of 1,000 operations and malformed JSON with coded errors', async () => {
    const huge = await post(JSON.stringify({ query: `{ greeting } #${'x'.repeat(10_000_000)}` }));
    expect(huge).toMatchObject({ status: 413, json: { errors: [{ message: 'The request body is too large.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] } });
    const batch = await post(JSON.stringify(Array.from({ length: 1000 }, () => ({ query: '{ greeting }' }))));
    expect(batch.status).toBe(400);
    expect(JSON.stringify(batch.json ?? {})).not.toContain('Hei');
    const malformed = await post('{"query": ');
    expect(malformed).toMatchObject({ status: 400, json: { errors: [{ extensions: { code: 'BAD_REQUEST' } }] } });
    expect((await post(JSON.stringify({ query: '{ greeting }' }))).json).toEqual({ data: { greeting: 'Hei' } });
  });

  it('blocks cross-site requests a browser would send without a preflight, and answers CORS for allowed origins', async () => {
    const simple = await fetch(`${router.url}?query=${encodeURIComponent('{ greeting }')}`);
    expect(simple.status).toBe(400);
    const preflight = await fetch(router.url, { method: 'OPTIONS', headers: { origin: 'https://app.example.fi', 'access-control-request-method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example.fi');
    const stranger = await fetch(router.url, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('passes the GraphQL-over-HTTP audit of graphql-http with no failures', async () => {
    const results = await auditServer({ url: router.url });
    const failures = results.filter((result) => result.status === 'error');
    expect(failures.map((failure) => `${failure.id} ${failure.name}: ${'reason' in failure ? failure.reason : ''}`)).toEqual([]);
    expect(results.length).toBeGreaterThan(20);
  });
});
