import { createHash } from 'node:crypto';
import type { Collection, DocumentStore, StoredDocument } from '@aurora/store';
import { ErrorCode, type Logger } from '@aurora/service-kit';
import type { Request, RequestHandler } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Requests allowed per window, for each kind of client; 0 turns that limit off. */
export interface RateLimits {
  /** Per client address (the connecting address, or the first untrusted one in X-Forwarded-For with `trust proxy`). */
  perAddress: number;
  /** Per person: the identity token a request carries. */
  perIdentity: number;
  /** Per provider organisation, all of its provider tokens together. */
  perProvider: number;
  windowSeconds: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { perAddress: 1200, perIdentity: 600, perProvider: 3000, windowSeconds: 60 };
export const NO_RATE_LIMITS: RateLimits = { perAddress: 0, perIdentity: 0, perProvider: 0, windowSeconds: 60 };

type Kind = 'address' | 'identity' | 'provider';

/** What one limit needs: its number of points, and a way to take one (throws a RateLimiterRes past the limit). */
interface Limiter {
  points: number;
  consume(key: string): Promise<unknown>;
}

interface WindowCount extends StoredDocument {
  window: number;
  count: number;
}

/**
 * A limit counted in a store that several routers share (MongoDB in a deployment): one counter
 * document per key and fixed window, incremented and read back; old windows are deleted once
 * per window. When the store fails, the router's own memory counts instead for that request.
 */
class SharedLimiter implements Limiter {
  private cleaned = -1;

  constructor(
    private readonly counts: Collection<WindowCount>,
    private readonly kind: Kind,
    readonly points: number,
    private readonly windowSeconds: number,
    private readonly fallback: RateLimiterMemory,
    private readonly logger: Logger,
  ) {}

  async consume(key: string): Promise<unknown> {
    const windowMs = this.windowSeconds * 1000;
    const window = Math.floor(Date.now() / windowMs);
    const id = `${this.kind}:${key}:${window}`;
    let count: number;
    try {
      await this.counts.updateOne({ _id: id }, { $inc: { count: 1 }, $setOnInsert: { window } }, { upsert: true });
      count = (await this.counts.findOne({ _id: id }))?.count ?? 1;
      if (this.cleaned !== window) {
        this.cleaned = window;
        void this.counts.deleteMany({ window: { $lt: window } }).catch(() => undefined);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'shared rate-limit store failed; counting in memory');
      return this.fallback.consume(key);
    }
    if (count > this.points) throw new RateLimiterRes(0, (window + 1) * windowMs - Date.now(), count, false);
    return undefined;
  }
}

const WHO: Record<Kind, string> = {
  address: 'from this address',
  identity: 'for this identity',
  provider: "for this provider's organisation",
};

/** The limiter's keys never hold a token itself: identities are kept as a hash. */
const hashed = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22);

/**
 * Rate limiting in front of `/graphql` with rate-limiter-flexible (fixed windows, in memory; in
 * `sharedStore` when given, so that several routers count together):
 * each request counts against its address, its identity token and its provider's organisation,
 * and the first limit reached answers 429 with `RATE_LIMITED`, the limit that was reached and
 * `Retry-After`. `organisationOf` verifies a provider token (null when it is not valid; such a
 * request is refused later and counts against its address only).
 */
export function rateLimiter(
  limits: RateLimits,
  organisationOf: (authorization: string) => Promise<string | null>,
  logger: Logger,
  onLimited?: (kind: Kind) => void,
  sharedStore?: DocumentStore,
): RequestHandler | null {
  const limiters = new Map<Kind, Limiter>();
  const counts = sharedStore?.collection<WindowCount>('rateLimitWindows');
  if (counts) void counts.createIndexes([{ key: { window: 1 }, name: 'rate_limit_windows_by_window' }]).catch(() => undefined);
  const make = (kind: Kind, points: number) => {
    if (points <= 0) return;
    const memory = new RateLimiterMemory({ keyPrefix: `aurora-${kind}`, points, duration: limits.windowSeconds });
    limiters.set(kind, counts ? new SharedLimiter(counts, kind, points, limits.windowSeconds, memory, logger) : memory);
  };
  make('address', limits.perAddress);
  make('identity', limits.perIdentity);
  make('provider', limits.perProvider);
  if (limiters.size === 0) return null;

  const keysOf = async (request: Request): Promise<[Kind, string][]> => {
    const keys: [Kind, string][] = [['address', request.ip ?? request.socket.remoteAddress ?? 'unknown']];
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (token && token.split('.').length === 3) {
      const organisation = limiters.has('provider') ? await organisationOf(`Bearer ${token}`) : null;
      if (organisation) keys.push(['provider', organisation]);
    } else if (token) keys.push(['identity', hashed(token)]);
    return keys;
  };

  return async (request, response, next) => {
    try {
      for (const [kind, key] of await keysOf(request)) {
        const limiter = limiters.get(kind);
        if (!limiter) continue;
        try {
          await limiter.consume(key);
        } catch (rejection) {
          if (!(rejection instanceof RateLimiterRes)) throw rejection;
          const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
          onLimited?.(kind);
          response
            .status(429)
            .set('Retry-After', String(retryAfter))
            .json({
              errors: [
                {
                  message: `Too many requests ${WHO[kind]}: at most ${limiter.points} in ${limits.windowSeconds} s. Try again in ${retryAfter} s.`,
                  extensions: { code: ErrorCode.RATE_LIMITED, limit: kind, retryAfterSeconds: retryAfter },
                },
              ],
            });
          return;
        }
      }
      next();
    } catch (error) {
      // A limiter that fails lets the request through rather than taking the network down with it.
      logger.warn({ err: error }, 'rate limiter failed; request let through');
      next();
    }
  };
}
