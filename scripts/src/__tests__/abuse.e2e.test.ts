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
    expect(json.errors[0].message).toBe(
      `Variable "$s" has ${count} fields that SituationInput does not define: "unknownField0", "unknownField1", "unknownField2", "unknownField3", "unknownField4", ….`,
    );
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

/** The other reproductions of the availability issue, each through the real router over the real subgraphs. */
describe('each way one request used to hurt the network gets a fast, coded, bounded answer', () => {
  it('a 100,000-character search text and a 100,000-character word', async () => {
    for (const text of ['velka '.repeat(16_667), 'x'.repeat(100_000)]) {
      const started = performance.now();
      const body = await network.query('query($t: String!) { services(filter: { text: $t }, first: 5) { totalCount } }', { t: text });
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.text' });
      expect(JSON.stringify(body).length).toBeLessThan(1_000);
    }
    await stillServes();
  });

  it('made-up operation names get no label of their own past the first 200, so /metrics stays small', async () => {
    for (let start = 0; start < 1_000; start += 250) {
      await Promise.all(Array.from({ length: 250 }, (_, index) => post({ query: `query Op${start + index} { lifeEvents { code } }` })));
    }
    const metrics = await (await fetch(network.routerUrl.replace('/graphql', '/metrics'))).text();
    expect(metrics).toContain('operation="other"');
    // Of the 1,000 made-up names, at most the first 200 got a label (other suites' operations may hold some of the 200).
    expect(new Set(metrics.match(/operation="Op\d+"/g)).size).toBeLessThanOrEqual(200);
    expect(metrics.length).toBeLessThan(1_000_000);
    await stillServes();
  }, 120_000);

  it('an unknown operationName is a 400, a hand-made cursor is refused, a limit is not a syntax error', async () => {
    const unknown = await post({ query: 'query A { lifeEvents { code } } query B { lifeEvents { code } }', operationName: 'C' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors[0].extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');
    const cursor = Buffer.from('v1:{"o":5}').toString('base64url');
    const paged = await network.query('query($a: String) { services(first: 2, after: $a) { totalCount } }', { a: cursor });
    expect(paged.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const deep = await post({ query: `{ ${'services { edges { node { '.repeat(10)}id${' } } }'.repeat(10)} }` });
    expect(deep.json.errors.length).toBeGreaterThan(0);
    for (const error of deep.json.errors) expect(error.message).not.toMatch(/^Syntax Error/);
    await stillServes();
  });
});
