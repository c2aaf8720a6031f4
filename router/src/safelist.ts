import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { ErrorCode } from '@aurora/service-kit';
import type { RequestHandler } from 'express';

interface ManifestOperation {
  id: string;
  name?: string;
  type?: string;
  body: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Reads a persisted-query manifest in Apollo's format
 * (`{ "format": "apollo-persisted-query-manifest", "version": 1, "operations": [{ id, name, type, body }] }`),
 * checking that each id is the SHA-256 of its body.
 */
export function readSafelist(file: string): Map<string, string> {
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { format?: string; version?: number; operations?: ManifestOperation[] };
  if (manifest.format !== 'apollo-persisted-query-manifest' || manifest.version !== 1 || !Array.isArray(manifest.operations)) {
    throw new Error(`${file} is not an Apollo persisted-query manifest (format "apollo-persisted-query-manifest", version 1).`);
  }
  const operations = new Map<string, string>();
  for (const operation of manifest.operations) {
    if (typeof operation.body !== 'string' || sha256(operation.body) !== operation.id) {
      throw new Error(`${file}: operation ${operation.name ?? operation.id} has an id that is not the SHA-256 of its body.`);
    }
    operations.set(operation.id, operation.body);
  }
  return operations;
}

/**
 * Safelist mode for production: only operations of the manifest run. A client may send the
 * operation's id alone (`extensions.persistedQuery.sha256Hash`) or its full text; anything else
 * is refused before it reaches the gateway.
 */
export function safelist(operations: Map<string, string>): RequestHandler {
  return (request, response, next) => {
    const body = (request.body ?? {}) as { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } };
    const hash = body.extensions?.persistedQuery?.sha256Hash;
    const id = typeof body.query === 'string' ? sha256(body.query) : typeof hash === 'string' ? hash : undefined;
    const known = id ? operations.get(id) : undefined;
    if (!known) {
      response.status(403).json({
        errors: [
          {
            message: "This operation is not on the network's safelist of persisted queries. Send an operation from the published manifest.",
            extensions: { code: ErrorCode.FORBIDDEN },
          },
        ],
      });
      return;
    }
    if (typeof body.query !== 'string') (request.body as { query?: string }).query = known;
    next();
  };
}
