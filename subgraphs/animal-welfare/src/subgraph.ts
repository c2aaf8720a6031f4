import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { graphql, GraphQLError } from 'graphql';
import { buildFederatedSchema } from './federation';

export const SUBGRAPH_NAME = 'animal-welfare';
export const typeDefs = fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8');

interface Animal {
  id: string;
  name: string;
  species: string;
  ageYears: number | null;
  description: string | null;
}

export interface AnimalData {
  organisationId: string;
  animals: Animal[];
  services: { name: Record<string, string>; summary: Record<string, string> }[];
  /** Actions the association offers on its services (by the service's Finnish name). */
  actions: { service: string; title: Record<string, string>; description: Record<string, string> }[];
}

/** The association's own store: a data file of example records. */
export function readData(file = path.join(__dirname, '..', 'data', 'animals.json')): AnimalData {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as AnimalData;
}

const cursorOf = (index: number) => Buffer.from(`animal:${index}`).toString('base64url');

function resolvers(data: AnimalData, ownActions: ReadonlySet<string>) {
  const animals = [...data.animals].sort((a, b) => a.name.localeCompare(b.name, 'fi'));
  const byId = new Map(animals.map((animal) => [animal.id, animal]));
  return {
    root: {
      adoptableAnimals: ({ first, after }: { first?: number | null; after?: string | null }) => {
        const size = first ?? 20;
        if (!Number.isInteger(size) || size < 0 || size > 100)
          throw new GraphQLError('"first" must be a whole number from 0 to 100.', { extensions: { code: 'BAD_USER_INPUT' } });
        const start = after ? Number(/^animal:(\d+)$/.exec(Buffer.from(after, 'base64url').toString())?.[1] ?? NaN) + 1 : 0;
        if (Number.isNaN(start)) throw new GraphQLError('The cursor is not valid here.', { extensions: { code: 'BAD_USER_INPUT' } });
        const page = animals.slice(start, start + size);
        return {
          totalCount: animals.length,
          pageInfo: { hasNextPage: start + size < animals.length, endCursor: page.length ? cursorOf(start + page.length - 1) : null },
          edges: page.map((node, index) => ({ cursor: cursorOf(start + index), node })),
        };
      },
    },
    references: {
      Organisation: (representation: Record<string, unknown>) => ({
        id: representation.id,
        adoptableAnimals: representation.id === data.organisationId ? animals : [],
      }),
      Animal: (representation: Record<string, unknown>) => byId.get(String(representation.id)) ?? null,
      // The router sends every action of a service here when animalsToMeet is asked for; only the association's own have animals.
      ServiceAction: (representation: Record<string, unknown>) => ({
        id: representation.id,
        animalsToMeet: ownActions.has(String(representation.id)) ? animals : null,
      }),
    },
  };
}

function readBody(request: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) reject(new Error('too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * The subgraph over plain node:http and graphql-js: POST /graphql, GET /health. `ownActions`
 * holds the ids of the actions the association has published (publishActions fills it).
 */
export function createAnimalWelfareSubgraph(data: AnimalData = readData(), ownActions: ReadonlySet<string> = new Set()) {
  const { root, references } = resolvers(data, ownActions);
  const { schema, rootValue } = buildFederatedSchema(typeDefs, references);
  const server = http.createServer(async (request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method === 'GET' && request.url === '/health') return send(200, { status: 'ok', service: SUBGRAPH_NAME });
    if (request.method !== 'POST' || request.url !== '/graphql') return send(404, { errors: [{ message: 'POST /graphql' }] });
    let payload: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      payload = JSON.parse(await readBody(request, 1_000_000));
    } catch {
      return send(400, { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
    }
    if (typeof payload.query !== 'string') return send(400, { errors: [{ message: 'The body needs a "query" string.', extensions: { code: 'BAD_REQUEST' } }] });
    const result = await graphql({
      schema,
      source: payload.query,
      rootValue: { ...rootValue, ...root },
      variableValues: (payload.variables as Record<string, unknown> | undefined) ?? undefined,
      operationName: typeof payload.operationName === 'string' ? payload.operationName : undefined,
    });
    send(200, {
      ...result,
      errors: result.errors?.map((error) => ({ message: error.message, path: error.path, extensions: { code: error.extensions.code ?? 'GRAPHQL_ERROR' } })),
    });
  });
  return {
    listen: (port: number, host = '127.0.0.1') =>
      new Promise<{ url: string; port: number; close: () => Promise<void> }>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const actual = (server.address() as AddressInfo).port;
          resolve({ url: `http://${host}:${actual}/graphql`, port: actual, close: () => new Promise<void>((done) => server.close(() => done())) });
        });
      }),
  };
}
