import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { faultOf, readSchema, requests, send, type FuzzRequest } from '../e2e/fuzz';
import { startTestNetwork, type TestNetwork } from '../e2e/network';

/**
 * Property: whatever a client sends — garbage, operations walked at random through the real
 * schema, hostile variables, bad tokens — the real router over the real subgraphs answers within
 * a bound with a coded client error or data, never a stack trace or an internal error, its memory
 * stays bounded, and it keeps serving. A fixed seed here (FUZZ_SEED, FUZZ_RUNS to change it);
 * `npm run fuzz` runs many more.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const MAX_MS = 10_000;
const MAX_GROWTH_MB = 600;

let network: TestNetwork;
let schema: GraphQLSchema;

beforeAll(async () => {
  network = await startTestNetwork();
  schema = await readSchema(network.routerUrl);
}, 120_000);

afterAll(() => network.close());

describe('the router under random and adversarial requests', () => {
  it(`answers every one of ${RUNS} within ${MAX_MS} ms with data or a coded client error, and stays alive with bounded memory`, async () => {
    const before = process.memoryUsage().rss;
    let peak = before;
    const kinds = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(requests(schema), async (request: FuzzRequest) => {
        kinds.set(request.kind, (kinds.get(request.kind) ?? 0) + 1);
        const answer = await send(network.routerUrl, request, MAX_MS * 2);
        peak = Math.max(peak, process.memoryUsage().rss);
        const fault = faultOf(answer, MAX_MS);
        if (fault) throw new Error(`${request.kind}: ${fault}\nrequest: ${request.body.slice(0, 500)}`);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // Every kind of request was tried.
    expect([...kinds.keys()].sort()).toEqual(
      expect.arrayContaining(['deep nesting', 'fragments spreading each other', 'hostile variables', 'many aliases', 'walked', 'walked with a bad token']),
    );
    // The whole network runs in this process: the subgraphs' memory counts too.
    expect(Math.round((peak - before) / 2 ** 20)).toBeLessThan(MAX_GROWTH_MB);
    const alive = await network.query('{ lifeEvents { code } }');
    expect(alive.errors).toBeUndefined();
    expect(alive.data.lifeEvents.length).toBeGreaterThan(10);
    const health = await fetch(network.routerUrl.replace('/graphql', '/health'));
    expect(health.status).toBe(200);
  }, 600_000);
});
