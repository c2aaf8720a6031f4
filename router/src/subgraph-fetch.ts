/**
 * How the router calls subgraphs: Node's fetch (undici), which keeps connections alive, with a
 * timeout on every call, and one retry after a connection failure for queries only — a mutation
 * is never sent twice.
 */
export function subgraphFetcher(subgraph: string, timeoutMs: number, retryDelayMs = 100) {
  return async (url: string, init: RequestInit & { body?: string }): Promise<Response> => {
    const attempt = () => fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    try {
      return await attempt();
    } catch (error) {
      const refused = /ECONNREFUSED|ECONNRESET|EPIPE|socket|fetch failed/i.test(`${(error as Error).message} ${String((error as { cause?: unknown }).cause ?? '')}`);
      if (refused && !isMutation(init.body)) {
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
        try {
          return await attempt();
        } catch (retryError) {
          error = retryError;
        }
      }
      const timedOut = (error as Error).name === 'TimeoutError';
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
