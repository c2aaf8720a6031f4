import { randomBytes, timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Express, Request } from 'express';
import type { Logger } from './logger';

/** The header that carries a subgraph's own pseudonym for the person, set only by the router. */
export const PSEUDONYM_HEADER = 'x-aurora-pseudonym';

/** The router derives pseudonyms as base64url HMAC-SHA-256 values. */
const PSEUDONYM = /^[A-Za-z0-9_-]{43}$/;

/**
 * The pseudonym the router sent for the person making this request, or null without one.
 * Subgraphs read it only through here, never the raw header, and never see the identity token.
 */
export function pseudonymOf(request: Pick<Request, 'headers'>): string | null {
  const value = request.headers[PSEUDONYM_HEADER];
  return typeof value === 'string' && PSEUDONYM.test(value) ? value : null;
}

/** What a subgraph that keeps personal data must be able to do for the person, by pseudonym. */
export interface PersonalDataHandler {
  /** Everything the subgraph holds about the person, as plain JSON. */
  export(pseudonym: string): Promise<unknown>;
  /** Deletes everything about the person; says how many records were removed. */
  delete(pseudonym: string): Promise<{ deletedRecords: number }>;
}

export interface PersonalDataOptions {
  handler: PersonalDataHandler;
  /** The secret only the router knows, so that only the router can call these endpoints. */
  secret: string;
}

export const PERSONAL_DATA_PATH = '/_personal-data';

function sameSecret(given: string | undefined, secret: string): boolean {
  const expected = Buffer.from(`Bearer ${secret}`);
  const actual = Buffer.from(given ?? '');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Mounts the personal-data interface every subgraph that keeps personal data offers the router:
 * `GET /_personal-data` (this subgraph keeps personal data), `POST /_personal-data/export` and
 * `POST /_personal-data/delete` for the pseudonym in the request's header. Only a caller holding
 * the router's secret gets through.
 */
export function mountPersonalData(app: Express, options: PersonalDataOptions, logger: Logger): void {
  app.use(PERSONAL_DATA_PATH, (request, response, next) => {
    if (!sameSecret(request.headers.authorization, options.secret)) {
      response.status(401).json({ error: 'Only the router may call this interface.' });
      return;
    }
    next();
  });
  app.get(PERSONAL_DATA_PATH, (_request, response) => {
    response.json({ personalData: true });
  });
  for (const action of ['export', 'delete'] as const) {
    app.post(`${PERSONAL_DATA_PATH}/${action}`, async (request, response) => {
      const pseudonym = pseudonymOf(request);
      if (!pseudonym) {
        response.status(400).json({ error: `A pseudonym is needed in ${PSEUDONYM_HEADER}.` });
        return;
      }
      try {
        response.json(action === 'export' ? { data: await options.handler.export(pseudonym) } : await options.handler.delete(pseudonym));
      } catch (error) {
        logger.error({ err: error, action }, 'personal-data request failed');
        response.status(500).json({ error: `The ${action} failed; try again.` });
      }
    });
  }
}

/**
 * The shared secret of the personal-data interface: from configuration in production, else a
 * development one kept in `<dataDir>/keys/personal-data.secret`, made by whichever process needs
 * it first.
 */
export function personalDataSecret(dataDir: string, configured?: string): string {
  return configured ?? ensureSecretFile(path.join(dataDir, 'keys', 'personal-data.secret'));
}

/**
 * The secret a personal-data subgraph shares with the router: the one given (tests), else from
 * its config; a subgraph that keeps personal data cannot start without one.
 */
export function requirePersonalDataSecret(
  subgraph: string,
  given: string | undefined,
  config: { AURORA_DATA_DIR: string; AURORA_PERSONAL_DATA_SECRET?: string } | undefined,
): string {
  const secret = given ?? (config ? personalDataSecret(config.AURORA_DATA_DIR, config.AURORA_PERSONAL_DATA_SECRET) : undefined);
  if (!secret) throw new Error(`The ${subgraph} subgraph needs the personal-data secret shared with the router.`);
  return secret;
}

/**
 * A development secret kept in a file: 32 random bytes (base64url) written once, readable by the
 * owner only. Processes starting together agree on the first one written.
 */
export function ensureSecretFile(file: string): string {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return fs.readFileSync(file, 'utf8').trim();
}
