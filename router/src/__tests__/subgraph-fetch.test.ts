import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMutation, SubgraphCallError, subgraphFetcher } from '../subgraph-fetch';

describe('calling subgraphs', () => {
  it('gives up on a subgraph that does not answer in time, naming it', async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql`;
    const started = Date.now();
    await expect(subgraphFetcher('slow', 200)(url, { method: 'POST', body: '{"query":"{ a }"}' })).rejects.toThrow(
      'Subgraph "slow" did not answer within 200 ms.',
    );
    expect(Date.now() - started).toBeLessThan(2000);
    silent.closeAllConnections();
    silent.close();
  });

  it('retries a query once after a refused connection, and never repeats a mutation', async () => {
    let hits = 0;
    const server = http.createServer((_request, response) => {
      hits += 1;
      response.end('{"data":{"a":1}}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    server.close();
    // Nothing listens on the port for the first attempt; the retry finds the server back.
    const query = subgraphFetcher('flaky', 1000, 150)(`http://127.0.0.1:${port}/graphql`, { method: 'POST', body: '{"query":"query Q { a }"}' });
    setTimeout(() => server.listen(port, '127.0.0.1'), 20);
    expect(await (await query).json()).toEqual({ data: { a: 1 } });
    expect(hits).toBe(1);
    server.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(
      subgraphFetcher('flaky', 1000, 150)(`http://127.0.0.1:${port}/graphql`, { method: 'POST', body: '{"query":"mutation M { a }"}' }),
    ).rejects.toThrow('Subgraph "flaky" could not be reached (fetch failed).');
    expect(hits).toBe(1);
  });
});

let server: http.Server;
let url: string;
let calls = 0;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    calls += 1;
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      // Slow enough that concurrent requests overlap.
      setTimeout(() => {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ data: { echo: body.length, person: request.headers['x-aurora-pseudonym'] ?? null, call: calls } }));
      }, 50);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

const query = (text: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ query: text }),
});

describe('in-flight deduplication of subgraph requests', () => {
  it('shares one call among identical concurrent queries, each caller getting the whole answer', async () => {
    calls = 0;
    let shared = 0;
    const fetch = subgraphFetcher('test', 2000, 10, () => {}, { deduplicate: true, onShared: () => (shared += 1) });
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, index) => fetch(url, query('{ a }', { traceparent: `00-${index}` })).then((response) => response.json())),
    );
    expect(calls).toBe(1);
    expect(shared).toBe(4);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  it('never shares between different people, different queries or mutations, nor after the call ended', async () => {
    calls = 0;
    const fetch = subgraphFetcher('test', 2000, 10, () => {}, { deduplicate: true });
    const [alice, bob] = await Promise.all([
      fetch(url, query('{ me }', { 'x-aurora-pseudonym': 'alice' })).then((response) => response.json() as Promise<{ data: { person: string } }>),
      fetch(url, query('{ me }', { 'x-aurora-pseudonym': 'bob' })).then((response) => response.json() as Promise<{ data: { person: string } }>),
      fetch(url, query('{ other }')),
      fetch(url, query('mutation { save }')),
      fetch(url, query('mutation { save }')),
    ]);
    expect(calls).toBe(5);
    expect([alice.data.person, bob.data.person]).toEqual(['alice', 'bob']);
    await fetch(url, query('{ a }'));
    await fetch(url, query('{ a }'));
    expect(calls).toBe(7);
  });

  it('can be turned off', async () => {
    calls = 0;
    const fetch = subgraphFetcher('test', 2000, 10, () => {}, { deduplicate: false });
    await Promise.all([fetch(url, query('{ a }')), fetch(url, query('{ a }'))]);
    expect(calls).toBe(2);
  });
});

describe('telling a mutation from a query', () => {
  const body = (query: string, operationName?: string) => JSON.stringify({ query, ...(operationName ? { operationName } : {}) });

  it('reads the operation the request names, wherever it stands in the document', () => {
    expect(isMutation(body('query Q { a }'))).toBe(false);
    expect(isMutation(body('{ a }'))).toBe(false);
    expect(isMutation(body('mutation M { save }'))).toBe(true);
    // A fragment first, or a comment with the word in it: a regular expression on the text got these wrong.
    expect(isMutation(body('fragment F on Mutation { save } mutation M { ...F }'))).toBe(true);
    expect(isMutation(body('# mutation of nothing\nquery Q { a }'))).toBe(false);
    expect(isMutation(body('query Q { a } mutation M { save }', 'M'))).toBe(true);
    expect(isMutation(body('query Q { a } mutation M { save }', 'Q'))).toBe(false);
  });

  it('treats what it cannot read as a mutation, so that it is never sent twice', () => {
    expect(isMutation('not json')).toBe(true);
    expect(isMutation(body('mutation {'))).toBe(true);
    expect(isMutation(JSON.stringify({ query: 42 }))).toBe(true);
    expect(isMutation(body('query Q { a } mutation M { save }'))).toBe(true); // two operations, none named
  });

  it('fails with a typed error that names the subgraph and why', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    const failure = await subgraphFetcher(
      'gone',
      500,
      10,
    )(`http://127.0.0.1:${port}/graphql`, { method: 'POST', body: body('{ a }') }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SubgraphCallError);
    expect(failure).toMatchObject({ subgraph: 'gone', failure: 'UNREACHABLE' });
  });
});
