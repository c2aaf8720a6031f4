/**
 * How the router calls subgraphs: Node's fetch (undici), which keeps connections alive, with a
 * timeout on every call, and one retry after a connection failure for queries only — a mutation
 * is never sent twice.
 */
export function subgraphFetcher(
  subgraph: string,
  timeoutMs: number,
  retryDelayMs = 100,
  record: (outcome: 'ok' | 'error' | 'timeout', seconds: number) => void = () => {},
) {
  return async (url: string, init: RequestInit & { body?: string }): Promise<Response> => {
    const started = performance.now();
    const attempt = () => fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    try {
      const response = await attempt();
      record(response.ok ? 'ok' : 'error', (performance.now() - started) / 1000);
      return response;
    } catch (error) {
      const refused = /ECONNREFUSED|ECONNRESET|EPIPE|socket|fetch failed/i.test(`${(error as Error).message} ${String((error as { cause?: unknown }).cause ?? '')}`);
      if (refused && !isMutation(init.body)) {
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
        try {
          const response = await attempt();
          record(response.ok ? 'ok' : 'error', (performance.now() - started) / 1000);
          return response;
        } catch (retryError) {
          error = retryError;
        }
      }
      const timedOut = (error as Error).name === 'TimeoutError';
      record(timedOut ? 'timeout' : 'error', (performance.now() - started) / 1000);
      throw new Error(`Subgraph "${subgraph}" ${timedOut ? `did not answer within ${timeoutMs} ms` : 'could not be reached (fetch failed)'}.`);
    }
  };
}

function isMutation(body: string | undefined): boolean {
  if (!body) return false;
  try {
    const query = (JSON.parse(body) as { query?: unknown }).query;
    return typeof query === 'string' && /^\s*mutation\b/.test(query.replace(/#[^\n]*/g, ''));
  } catch {
    return true; // not knowing what it is, do not repeat it
  }
}
