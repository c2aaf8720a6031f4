import type { SupergraphManager } from '@apollo/gateway';
import type { Logger } from '@aurora/service-kit';

export interface RegistryState {
  url: string;
  version: number | null;
  etag: string | null;
  updatedAt: string | null;
  /** The last supergraph the router refused, and why; it kept the one before. */
  refused: { etag: string; at: string; reason: string } | null;
}

/**
 * Follows the schema registry: the first supergraph is waited for at start, then the registry is
 * polled with the ETag and each new supergraph is swapped into the gateway. Requests in flight
 * finish on the schema they started with. A supergraph the gateway cannot load is refused and
 * the last good one stays; `state` says so for /ready.
 */
export class RegistrySupergraph implements SupergraphManager {
  readonly state: RegistryState;
  /** Who publishes each subgraph, as the registry says; a subgraph missing here is trusted with nothing. */
  readonly owners = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    registryUrl: string,
    private readonly pollMs: number,
    private readonly logger: Logger,
    /** Turns a registry supergraph into what the gateway loads; `commit` runs once it is loaded. */
    private readonly prepare: (supergraphSdl: string) => { sdl: string; commit: () => void } = (sdl) => ({ sdl, commit: () => {} }),
    private readonly startTimeoutMs = 120_000,
  ) {
    this.state = { url: registryUrl.replace(/\/$/, ''), version: null, etag: null, updatedAt: null, refused: null };
  }

  private async fetchSupergraph(etag: string | null): Promise<{ sdl: string; etag: string; version: number } | null> {
    const response = await fetch(`${this.state.url}/supergraph`, { headers: etag ? { 'if-none-match': etag } : {}, signal: AbortSignal.timeout(5000) });
    if (response.status === 304) return null;
    if (!response.ok) throw new Error(`the registry answered ${response.status}`);
    return { sdl: await response.text(), etag: response.headers.get('etag') ?? '', version: Number(response.headers.get('x-aurora-version') ?? 0) };
  }

  /** Reads who publishes which subgraph; on failure the last known owners stay. */
  private async refreshOwners(): Promise<void> {
    try {
      const response = await fetch(`${this.state.url}/subgraphs`, { signal: AbortSignal.timeout(5000) });
      if (!response.ok) throw new Error(`the registry answered ${response.status}`);
      const body = (await response.json()) as { subgraphs?: { name?: unknown; owner?: unknown }[] };
      this.owners.clear();
      for (const { name, owner } of body.subgraphs ?? []) if (typeof name === 'string' && typeof owner === 'string') this.owners.set(name, owner);
    } catch (error) {
      this.logger.warn({ registry: this.state.url, reason: (error as Error).message }, 'could not read who publishes which subgraph; keeping what was known');
    }
  }

  async initialize({ update }: Parameters<SupergraphManager['initialize']>[0]) {
    const deadline = Date.now() + this.startTimeoutMs;
    let first: { sdl: string; etag: string; version: number } | null = null;
    while (!first) {
      try {
        first = await this.fetchSupergraph(null);
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`The schema registry at ${this.state.url} did not answer: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    const prepared = this.prepare(first.sdl);
    await this.refreshOwners();
    prepared.commit();
    Object.assign(this.state, { version: first.version, etag: first.etag, updatedAt: new Date().toISOString() });
    this.timer = setInterval(() => void this.poll(update), this.pollMs);
    this.timer.unref();
    return {
      supergraphSdl: prepared.sdl,
      cleanup: async () => {
        if (this.timer) clearInterval(this.timer);
      },
    };
  }

  private async poll(update: (supergraphSdl: string) => void): Promise<void> {
    let next: { sdl: string; etag: string; version: number } | null;
    try {
      next = await this.fetchSupergraph(this.state.etag);
    } catch (error) {
      this.logger.warn({ registry: this.state.url, reason: (error as Error).message }, 'schema registry unreachable; keeping the current supergraph');
      return;
    }
    if (!next || next.etag === this.state.refused?.etag) return;
    try {
      const prepared = this.prepare(next.sdl);
      await this.refreshOwners();
      update(prepared.sdl);
      prepared.commit();
      Object.assign(this.state, { version: next.version, etag: next.etag, updatedAt: new Date().toISOString(), refused: null });
      this.logger.info({ version: next.version }, 'supergraph updated from the registry');
    } catch (error) {
      this.state.refused = { etag: next.etag, at: new Date().toISOString(), reason: (error as Error).message };
      this.logger.error({ version: next.version, reason: (error as Error).message }, 'supergraph from the registry refused; keeping the last good one');
    }
  }
}
