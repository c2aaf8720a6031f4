import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { requireScope, type Logger, type ProviderClaims, type ProviderTokenVerifier, type RunningServer } from '@aurora/service-kit';
import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import type { SchemaRegistry } from './registry';

export const PUBLISH_SCOPE = 'subgraphs:publish';
export const ADMIN_SCOPE = 'network:admin';

/**
 * The registry's HTTP interface. Reading is open: `GET /supergraph` (with an ETag, 304 when
 * unchanged), `GET /subgraphs`, `GET /history`. Writing needs a provider token:
 * `POST /subgraphs/:name` with `{ url, sdl }` (scope subgraphs:publish; only the owning
 * organisation or an administrator), `POST /rollback` with `{ version }` (scope network:admin).
 */
export function createRegistryServer(registry: SchemaRegistry, verifier: ProviderTokenVerifier, logger: Logger) {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: 2_000_000 }));

  const authorise = async (request: Request, response: Response, scope: string): Promise<ProviderClaims | null> => {
    try {
      const claims = await verifier.verify(request.headers.authorization);
      requireScope(claims, scope);
      return claims;
    } catch (error) {
      const code = error instanceof GraphQLError ? error.extensions.code : 'UNAUTHENTICATED';
      response.status(code === 'FORBIDDEN' ? 403 : 401).json({ code, errors: [(error as Error).message] });
      return null;
    }
  };

  app.get('/health', (_request, response) => {
    response.json({ status: 'ok', service: 'registry' });
  });
  app.get('/supergraph', async (request, response) => {
    const current = await registry.current();
    if (!current) {
      response.status(503).json({ errors: ['The registry has no supergraph yet.'] });
      return;
    }
    response.setHeader('ETag', current.etag);
    response.setHeader('X-Aurora-Version', String(current.version));
    if (request.headers['if-none-match'] === current.etag) {
      response.status(304).end();
      return;
    }
    response.type('text/plain').send(current.supergraphSdl);
  });
  app.get('/subgraphs', async (_request, response) => {
    const current = await registry.current();
    response.json({ version: current?.version ?? 0, subgraphs: (current?.subgraphs ?? []).map(({ name, url, owner }) => ({ name, url, owner })) });
  });
  app.get('/history', async (_request, response) => {
    response.json({ versions: await registry.history() });
  });
  app.post('/subgraphs/:name', async (request, response) => {
    const claims = await authorise(request, response, PUBLISH_SCOPE);
    if (!claims) return;
    const { url, sdl } = (request.body ?? {}) as { url?: unknown; sdl?: unknown };
    if (typeof url !== 'string' || typeof sdl !== 'string') {
      response.status(400).json({ code: 'BAD_USER_INPUT', errors: ['The body needs "url" and "sdl" strings.'] });
      return;
    }
    const name = request.params.name ?? '';
    const outcome = await registry.publish({ name, url, sdl }, { organisation: claims.organisation, admin: claims.scopes.includes(ADMIN_SCOPE) });
    if (!outcome.ok) {
      const code = outcome.status === 403 ? 'FORBIDDEN' : outcome.status === 422 ? 'SCHEMA_CHECK_FAILED' : 'BAD_USER_INPUT';
      response.status(outcome.status).json({ code, errors: outcome.errors });
      return;
    }
    logger.info({ subgraph: name, version: outcome.version, by: claims.organisation }, 'subgraph published');
    response.status(201).json({ version: outcome.version, warnings: outcome.warnings });
  });
  app.post('/rollback', async (request, response) => {
    const claims = await authorise(request, response, ADMIN_SCOPE);
    if (!claims) return;
    const version = Number((request.body as { version?: unknown })?.version);
    const restored = Number.isInteger(version) ? await registry.rollback(version, claims.organisation) : null;
    if (!restored) {
      response.status(404).json({ code: 'NOT_FOUND', errors: [`There is no version ${String((request.body as { version?: unknown })?.version)}.`] });
      return;
    }
    logger.info({ version: restored.version, toVersion: version }, 'registry rolled back');
    response.status(201).json({ version: restored.version });
  });
  const errors: ErrorRequestHandler = (error: { status?: number; type?: string }, _request, response, _next) => {
    response
      .status(error.status ?? 500)
      .json({ code: 'BAD_REQUEST', errors: [error.type === 'entity.parse.failed' ? 'The body is not valid JSON.' : 'The request could not be handled.'] });
  };
  app.use(errors);

  return {
    async listen(port: number, host = '127.0.0.1'): Promise<RunningServer> {
      const server = http.createServer(app);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      const actual = (server.address() as AddressInfo).port;
      return {
        url: `http://${host}:${actual}`,
        port: actual,
        close: () => new Promise<void>((resolve) => server.close(() => resolve())),
      };
    },
  };
}
