import { startTestNetwork, type TestNetwork } from '../e2e/network';

/**
 * The worst requests a client can send within the body limit, through the real router: each gets
 * a short, coded answer, no subgraph is asked, and the router keeps answering.
 */
let network: TestNetwork;

const PACKAGES = 'query($s: SituationInput!) { recommendServicePackages(situation: $s) { title } }';

async function post(body: unknown): Promise<{ status: number; text: string; json: any }> {
  const response = await fetch(network.routerUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) };
}

async function stillServes() {
  const body = await network.query('{ lifeEvents { code } }');
  expect(body.errors).toBeUndefined();
  expect(body.data.lifeEvents.length).toBeGreaterThan(10);
}

beforeAll(async () => {
  network = await startTestNetwork();
}, 60_000);
afterAll(() => network.close());

describe('one request cannot make the router do unbounded work', () => {
  it.each([2_000, 9_000])('refuses %d unknown fields in an input variable with one short error naming a few', async (count) => {
    const situation: Record<string, number> = { age: 30 };
    for (let index = 0; index < count; index += 1) situation[`unknownField${index}`] = index;
    network.reset();
    const { status, text, json } = await post({ query: PACKAGES, variables: { s: situation } });
    expect(status).toBe(400);
    expect(json.errors).toHaveLength(1);
    expect(json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(json.errors[0].message).toBe(`Variable "$s" has ${count} fields that SituationInput does not define: "unknownField0", "unknownField1", "unknownField2", "unknownField3", "unknownField4", ….`);
    expect(text.length).toBeLessThan(1_000);
    expect(network.traffic.recommendation.requests).toEqual([]);
    await stillServes();
  });

  it('refuses variables with more values than the limit', async () => {
    const { status, json } = await post({ query: PACKAGES, variables: { s: { lifeEvents: Array.from({ length: 20_000 }, () => 'KE8') } } });
    expect(status).toBe(400);
    expect(json.errors).toEqual([{ message: 'The variables hold more than 10000 values; send less at once.', extensions: { code: 'BAD_USER_INPUT' } }]);
    await stillServes();
  });

  it('answers at most 50 errors, the last one counting the rest', async () => {
    // 3,000 values of the wrong type: each is an error of its own, within the values limit.
    const { json, text } = await post({ query: PACKAGES, variables: { s: { lifeEvents: Array.from({ length: 3_000 }, (_, index) => index) } } });
    expect(json.errors).toHaveLength(50);
    expect(json.errors[49]).toEqual({ message: '2951 more errors were left out of this answer.', extensions: { code: 'BAD_USER_INPUT', omittedErrors: 2951 } });
    for (const error of json.errors.slice(0, 49)) expect(error.message.length).toBeLessThanOrEqual(1_000 + ' (shortened)'.length + 1);
    expect(text.length).toBeLessThan(50_000);
    await stillServes();
  });
});
