import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { subgraphFetcher } from '../subgraph-fetch';

describe('calling subgraphs', () => {
  it('gives up on a subgraph that does not answer in time, naming it', async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql`;
    const started = Date.now();
    await expect(subgraphFetcher('slow', 200)(url, { method: 'POST', body: '{"query":"{ a }"}' })).rejects.toThrow('Subgraph "slow" did not answer within 200 ms.');
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
    await expect(subgraphFetcher('flaky', 1000, 150)(`http://127.0.0.1:${port}/graphql`, { method: 'POST', body: '{"query":"mutation M { a }"}' })).rejects.toThrow('Subgraph "flaky" could not be reached (fetch failed).');
    expect(hits).toBe(1);
  });
});
