import { randomBytes } from 'node:crypto';
import { composeServices } from '@apollo/composition';
import { createEmbeddedStore } from '@aurora/store';
import { buildSubgraphFromSdl, createLogger, createSubgraphServer, federationLink, type RunningServer } from '@aurora/subgraph-kit';
import { parse } from 'graphql';
import { createRouter, loadConfig } from '../index';
import { routerPolicy } from '../config';

/** Real router and subgraphs: a request's deadline and the size of its answer are bounded, each with a coded error. */
const logger = createLogger('bounded-answers-test', 'silent');
const slowSdl = `type Query { "Answers after ms milliseconds." slow(ms: Int!): String "Many words." words(count: Int!): [String!]! }`;
const quickSdl = `type Query { "Answers at once." quick: String }`;
let slow: RunningServer;
let quick: RunningServer;
let router: RunningServer;
const headersSeen: string[][] = [];

const ask = async (query: string) => {
  const started = performance.now();
  const response = await fetch(router.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: response.status, json: (await response.json()) as any, ms: performance.now() - started };
};

beforeAll(async () => {
  slow = await createSubgraphServer({
    name: 'slow',
    schema: buildSubgraphFromSdl(slowSdl, {
      Query: {
        slow: async (_: unknown, { ms }: { ms: number }) => {
          await new Promise((resolve) => setTimeout(resolve, ms));
          return `after ${ms} ms`;
        },
        words: (_: unknown, { count }: { count: number }) => Array.from({ length: count }, (_unused, index) => `word-${index}`),
      },
    }),
    logger,
    context: (request) => {
      headersSeen.push(Object.keys(request.headers));
      return {};
    },
  }).listen(0);
  quick = await createSubgraphServer({
    name: 'quick',
    schema: buildSubgraphFromSdl(quickSdl, { Query: { quick: () => 'now' } }),
    logger,
    context: () => ({}),
  }).listen(0);
  const composed = composeServices([
    { name: 'slow', url: slow.url, typeDefs: parse(`${federationLink()}\n${slowSdl}`) },
    { name: 'quick', url: quick.url, typeDefs: parse(`${federationLink()}\n${quickSdl}`) },
  ]);
  if (composed.errors) throw composed.errors[0];
  router = await createRouter({
    supergraph: { sdl: composed.supergraphSdl },
    logger,
    routerKey: randomBytes(32),
    personalDataSecret: randomBytes(32).toString('base64url'),
    store: createEmbeddedStore(),
    subgraphTimeoutMs: 10_000,
    limits: { deadlineMs: 400, maxResponseBytes: 20_000 },
  }).listen(0);
});

afterAll(async () => {
  await router.close();
  await slow.close();
  await quick.close();
});

describe("a request's deadline", () => {
  it('answers at the deadline with what came in time and DEADLINE_EXCEEDED naming the late subgraph', async () => {
    const answer = await ask('{ slow(ms: 3000) quick }');
    // Well before the subgraph's own 10 s timeout and its 3 s answer.
    expect(answer.ms).toBeLessThan(2000);
    expect(answer.json.data).toEqual({ slow: null, quick: 'now' });
    expect(answer.json.errors).toEqual([
      {
        message: 'The request ran out of time before slow answered; that part of the answer is missing. Ask for less at once, or try again later.',
        extensions: { code: 'DEADLINE_EXCEEDED', serviceName: 'slow' },
      },
    ]);
  });

  it('leaves a request that fits in its time alone', async () => {
    expect((await ask('{ slow(ms: 50) quick }')).json).toEqual({ data: { slow: 'after 50 ms', quick: 'now' } });
    // The deadline travels inside the router only.
    expect(headersSeen.length).toBeGreaterThan(0);
    expect(headersSeen.flat()).not.toContain('x-aurora-deadline');
  });
});

describe('the size of an answer', () => {
  it('replaces an answer over the limit with RESPONSE_TOO_LARGE, and sends one under it whole', async () => {
    const big = await ask('{ words(count: 5000) }');
    expect(big.status).toBe(200);
    expect(big.json).toEqual({
      errors: [
        {
          message: expect.stringMatching(/^The answer would be \d+ bytes; at most 20000 are sent\. Ask for fewer items \(first\) or fewer fields\.$/),
          extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes: 20000 },
        },
      ],
    });
    const small = await ask('{ words(count: 100) }');
    expect(small.json.data.words).toHaveLength(100);
    expect(small.json.errors).toBeUndefined();
  });

  it('has settings, with defaults', () => {
    expect(routerPolicy(loadConfig({})).limits).toMatchObject({ deadlineMs: 30_000, maxResponseBytes: 10_000_000 });
    expect(routerPolicy(loadConfig({ AURORA_REQUEST_DEADLINE_MS: '5000', AURORA_MAX_RESPONSE_BYTES: '200000' })).limits).toMatchObject({
      deadlineMs: 5000,
      maxResponseBytes: 200_000,
    });
  });
});
