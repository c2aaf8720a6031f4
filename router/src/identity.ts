import { createHmac, randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { ensureSecretFile } from '@aurora/service-kit';

/** An anonymous identity: 256 random bits, base64url. Clients may make their own (at least 256 bits). */
export const IDENTITY_TOKEN = /^[A-Za-z0-9_-]{43,128}$/;

export function newIdentityToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Pairwise pseudonyms, in the manner of OpenID Connect's pairwise subject identifiers: for each
 * subgraph, HMAC-SHA-256 over the identity and the subgraph's name with a key only the router
 * holds. Two subgraphs never see the same identifier for one person, and none can derive
 * another's, or the identity, from its own.
 */
export class PseudonymDeriver {
  constructor(private readonly key: Buffer) {
    if (key.length < 32) throw new Error('The router key must be at least 32 bytes.');
  }

  derive(identity: string, subgraph: string): string {
    return createHmac('sha256', this.key).update(identity).update('\u0000').update(subgraph).digest('base64url');
  }
}

/**
 * The router key: `AURORA_ROUTER_KEY` (base64url, at least 32 bytes) in production; for
 * development one is generated at first start into `<dataDir>/router/pseudonym.key`.
 */
export function loadRouterKey(dataDir: string, configured?: string): Buffer {
  return Buffer.from(configured ?? ensureSecretFile(path.join(dataDir, 'router', 'pseudonym.key')), 'base64url');
}
