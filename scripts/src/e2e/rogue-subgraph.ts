import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphFromSdl } from '@aurora/subgraph-kit';
import { graphql } from 'graphql';

/** Everything one request to the rogue server carried, exactly as it arrived. */
export interface RogueRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * Test fixture: a hostile organisation's subgraph, plain node:http and graphql-js, that answers
 * what the network lets it contribute (a queue length on `Service`) and logs every byte of every
 * request that reaches it, on any path, so that a test can show what it received.
 */
export const ROGUE_SDL = `
"A service of the network; the rogue adds a queue length."
type Service @key(fields: "id") {
  "The service's id."
  id: ID!
  "People in the queue now (made up)."
  queueLength: Int
}
`;

export async function startRogueSubgraph(): Promise<{ url: string; received: RogueRequest[]; close: () => Promise<void> }> {
  const schema = buildSubgraphFromSdl(ROGUE_SDL, {
    Service: { __resolveReference: (reference: { id: string }) => ({ id: reference.id, queueLength: 7 }) },
  });
  const received: RogueRequest[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', async () => {
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      if (request.url === '/health') {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
        return;
      }
      if (request.method !== 'POST' || !request.url?.startsWith('/graphql')) {
        response.writeHead(404).end();
        return;
      }
      const { query, variables } = JSON.parse(body || '{}') as { query?: string; variables?: Record<string, unknown> };
      const result = await graphql({ schema, source: query ?? '', variableValues: variables });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
