import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { getOperationAST, parse } from 'graphql';

/** The fetcher the gateway's subgraph data sources take, and the request it is given. */
export type GatewayFetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;
type FetchInit = NonNullable<Parameters<GatewayFetcher>[1]>;

function bodyText(init: FetchInit): string | undefined {
  return init.body === undefined ? undefined : String(init.body);
}

// make-fetch-happen (the gateway's own default) ships no types; the call used here is declared.
const makeFetchHappen = require('make-fetch-happen') as {
  defaults(options: Record<string, unknown>): (url: string, init: Record<string, unknown>) => Promise<Response>;
};

/** Keep-alive agents shared by every subgraph: measured faster here than Node's built-in fetch. */
const keepAliveFetch = makeFetchHappen.defaults({ maxSockets: Infinity, retry: false });

/** Why a subgraph call failed: no connection, no answer in the subgraph's time, or no time left in the request. */
export type SubgraphFailure = 'UNREACHABLE' | 'TIMEOUT' | 'PAST_DEADLINE';

/** A failed subgraph call, saying which subgraph and why; the router turns it into a coded error. */
export class SubgraphCallError extends Error {
  constructor(
    readonly subgraph: string,
    readonly failure: SubgraphFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SubgraphCallError';
  }
}

/**
 * How the router calls subgraphs: make-fetch-happen with keep-alive agents, a timeout on every
 * call, and one retry after a connection failure for queries only — a mutation is never sent twice.
 */
export function subgraphFetcher(
  subgraph: string,
  timeoutMs: number,
  retryDelayMs = 100,
  record: (outcome: 'ok' | 'error' | 'timeout', seconds: number) => void = () => {},
  options: { deduplicate?: boolean; onShared?: () => void } = {},
): (url: string, init?: FetchInit) => Promise<Response> {
  const fetchOnce = fetcherWithRetry(subgraph, timeoutMs, retryDelayMs, record);
  if (!options.deduplicate) return fetchOnce;
  // In-flight deduplication: identical query requests to this subgraph (same URL, body and
  // forwarded headers, so the same person or provider or none) that overlap in time share one
  // call and its answer. Mutations are never shared.
  const inFlight = new Map<string, Promise<{ status: number; headers: [string, string][]; text: string }>>();
  return async (url: string, init: FetchInit = {}): Promise<Response> => {
    if (isMutation(bodyText(init))) return fetchOnce(url, init);
    const key = `${url}\n${forwardedHeaders(init.headers)}\n${bodyText(init) ?? ''}`;
    let shared = inFlight.get(key);
    if (shared) options.onShared?.();
    else {
      shared = fetchOnce(url, init)
        .then(async (response) => {
          const headers: [string, string][] = [];
          response.headers.forEach((value, name) => {
            headers.push([name, value]);
          });
          return { status: response.status, headers, text: await response.text() };
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, shared);
    }
    const answer = await shared;
    return new Response(answer.text, { status: answer.status, headers: answer.headers });
  };
}

/** The headers that change what a subgraph answers; trace headers differ per request and do not. */
function forwardedHeaders(headers: unknown): string {
  const entries: [string, string][] = [];
  if (headers && typeof (headers as { forEach?: unknown }).forEach === 'function') {
    (headers as { forEach(callback: (value: string, name: string) => void): void }).forEach((value, name) => {
      entries.push([name.toLowerCase(), value]);
    });
  } else if (headers && typeof headers === 'object') {
    for (const [name, value] of Object.entries(headers as Record<string, string>)) entries.push([name.toLowerCase(), String(value)]);
  }
  return entries
    .filter(([name]) => name !== 'traceparent' && name !== 'tracestate' && name !== DEADLINE_HEADER)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}:${value}`)
    .join('\n');
}

function fetcherWithRetry(subgraph: string, timeoutMs: number, retryDelayMs: number, record: (outcome: 'ok' | 'error' | 'timeout', seconds: number) => void) {
  return async (url: string, given: FetchInit = {}): Promise<Response> => {
    const started = performance.now();
    const { deadline, init } = takeDeadline(given);
    // A call gets the subgraph timeout, or what is left of the request's deadline when that is less.
    const left = deadline === undefined ? Infinity : deadline - Date.now();
    if (left <= 0) throw new SubgraphCallError(subgraph, 'PAST_DEADLINE', `Subgraph "${subgraph}" was not asked: the request's deadline had passed.`);
    const timeout = Math.min(timeoutMs, left);
    const attempt = () => keepAliveFetch(url, { ...init, timeout });
    try {
      const response = await attempt();
      record(response.ok ? 'ok' : 'error', (performance.now() - started) / 1000);
      return response;
    } catch (firstError) {
      let error = firstError;
      const refused = /ECONNREFUSED|ECONNRESET|EPIPE|socket|fetch failed/i.test(
        `${(error as Error).message} ${String((error as { code?: unknown }).code ?? '')}`,
      );
      if (refused && !isMutation(bodyText(init))) {
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
        try {
          const response = await attempt();
          record(response.ok ? 'ok' : 'error', (performance.now() - started) / 1000);
          return response;
        } catch (retryError) {
          error = retryError;
        }
      }
      const timedOut = (error as { type?: string }).type === 'request-timeout' || (error as Error).name === 'TimeoutError';
      record(timedOut ? 'timeout' : 'error', (performance.now() - started) / 1000);
      if (timedOut && timeout < timeoutMs)
        throw new SubgraphCallError(subgraph, 'PAST_DEADLINE', `Subgraph "${subgraph}" did not answer before the request's deadline.`);
      if (timedOut) throw new SubgraphCallError(subgraph, 'TIMEOUT', `Subgraph "${subgraph}" did not answer within ${timeoutMs} ms.`);
      throw new SubgraphCallError(subgraph, 'UNREACHABLE', `Subgraph "${subgraph}" could not be reached (fetch failed).`);
    }
  };
}

/**
 * The router marks each subgraph call with its request's deadline in this header; the fetcher
 * takes it out (it never reaches a subgraph) and gives the call only the time that is left.
 */
export const DEADLINE_HEADER = 'x-aurora-deadline';

function takeDeadline(init: FetchInit): { deadline: number | undefined; init: FetchInit } {
  const headers = init.headers;
  if (!headers || typeof headers !== 'object' || !(DEADLINE_HEADER in headers)) return { deadline: undefined, init };
  const { [DEADLINE_HEADER]: value, ...rest } = headers;
  const deadline = Number(value);
  return { deadline: Number.isFinite(deadline) ? deadline : undefined, init: { ...init, headers: rest } };
}

/**
 * Whether a subgraph request is a mutation, from its parsed operation (the one its
 * `operationName` names). The router sends the same few operations over and over: each text is
 * parsed once (the last 500 are kept).
 */
export function isMutation(body: string | undefined): boolean {
  if (!body) return false;
  let request: { query?: unknown; operationName?: unknown };
  try {
    request = JSON.parse(body) as typeof request;
  } catch {
    return true; // not knowing what it is, do not repeat it
  }
  if (typeof request.query !== 'string') return true;
  const operationName = typeof request.operationName === 'string' ? request.operationName : null;
  const key = `${operationName ?? ''}\n${request.query}`;
  let mutation = operationTypes.get(key);
  if (mutation === undefined) {
    try {
      mutation = getOperationAST(parse(request.query), operationName)?.operation !== 'query';
    } catch {
      mutation = true;
    }
    if (operationTypes.size >= OPERATION_TYPES_KEPT) operationTypes.delete(operationTypes.keys().next().value as string);
    operationTypes.set(key, mutation);
  }
  return mutation;
}
const OPERATION_TYPES_KEPT = 500;
const operationTypes = new Map<string, boolean>();
