import { PERSONAL_DATA_PATH, PSEUDONYM_HEADER, type Logger } from '@aurora/service-kit';
import type { Collection, DocumentStore, StoredDocument } from '@aurora/store';
import type { PseudonymDeriver } from './identity';

export interface ExportPart {
  subgraph: string;
  status: 'OK' | 'UNAVAILABLE';
  data: string | null;
}

export interface DeletionPart {
  subgraph: string;
  status: 'DELETED' | 'PENDING';
  deletedRecords: number | null;
}

interface PendingDeletion extends StoredDocument {
  subgraph: string;
  pseudonym: string;
  since: string;
  attempts: number;
}

const base = (url: string) => url.replace(/\/graphql\/?$/, '');

/**
 * Export and deletion across the network. Only the router can derive each subgraph's pseudonym,
 * so it calls every subgraph's personal-data interface itself, each with that subgraph's own
 * pseudonym. A subgraph that cannot be reached during a deletion is recorded (its pseudonym
 * only) and retried until it confirms; it is never reported deleted before that.
 */
export class PersonalDataCoordinator {
  private readonly pending: Collection<PendingDeletion>;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly subgraphs: () => Map<string, string>,
    private readonly deriver: PseudonymDeriver,
    private readonly secret: string,
    store: DocumentStore,
    private readonly logger: Logger,
    private readonly timeoutMs = 5000,
  ) {
    this.pending = store.collection<PendingDeletion>('pendingDeletions');
  }

  private async call(_subgraph: string, url: string, method: 'GET' | 'POST', action: string, pseudonym?: string): Promise<Response> {
    return fetch(`${base(url)}${PERSONAL_DATA_PATH}${action}`, {
      method,
      headers: { authorization: `Bearer ${this.secret}`, ...(pseudonym ? { [PSEUDONYM_HEADER]: pseudonym } : {}) },
      signal: AbortSignal.timeout(this.timeoutMs),
    });
  }

  /** Which subgraphs keep personal data: those answering the interface; unreachable ones are unknown. */
  private async survey(): Promise<{ keeping: [string, string][]; unreachable: [string, string][] }> {
    const keeping: [string, string][] = [];
    const unreachable: [string, string][] = [];
    await Promise.all(
      [...this.subgraphs()].map(async ([subgraph, url]) => {
        try {
          const response = await this.call(subgraph, url, 'GET', '');
          if (response.ok) keeping.push([subgraph, url]);
          // 404: keeps no personal data. Anything else (a wrong secret, a failure) is not a no.
          else if (response.status !== 404) unreachable.push([subgraph, url]);
        } catch {
          unreachable.push([subgraph, url]);
        }
      }),
    );
    const byName = (a: [string, string], b: [string, string]) => a[0].localeCompare(b[0]);
    return { keeping: keeping.sort(byName), unreachable: unreachable.sort(byName) };
  }

  async export(identity: string): Promise<{ complete: boolean; parts: ExportPart[] }> {
    const { keeping, unreachable } = await this.survey();
    const parts = await Promise.all(
      keeping.map(async ([subgraph, url]): Promise<ExportPart> => {
        try {
          const response = await this.call(subgraph, url, 'POST', '/export', this.deriver.derive(identity, subgraph));
          if (!response.ok) throw new Error(`status ${response.status}`);
          const body = (await response.json()) as { data: unknown };
          return { subgraph, status: 'OK', data: JSON.stringify(body.data) };
        } catch {
          return { subgraph, status: 'UNAVAILABLE', data: null };
        }
      }),
    );
    for (const [subgraph] of unreachable) parts.push({ subgraph, status: 'UNAVAILABLE', data: null });
    parts.sort((a, b) => a.subgraph.localeCompare(b.subgraph));
    return { complete: parts.every((part) => part.status === 'OK'), parts };
  }

  private async deleteAt(subgraph: string, url: string, pseudonym: string): Promise<number | 'not-personal'> {
    const response = await this.call(subgraph, url, 'POST', '/delete', pseudonym);
    if (response.status === 404) return 'not-personal';
    if (!response.ok) throw new Error(`status ${response.status}`);
    return ((await response.json()) as { deletedRecords: number }).deletedRecords;
  }

  async delete(identity: string): Promise<{ complete: boolean; parts: DeletionPart[] }> {
    const { keeping, unreachable } = await this.survey();
    const parts: DeletionPart[] = [];
    for (const [subgraph, url] of [...keeping, ...unreachable]) {
      const pseudonym = this.deriver.derive(identity, subgraph);
      try {
        const deleted = await this.deleteAt(subgraph, url, pseudonym);
        if (deleted !== 'not-personal') parts.push({ subgraph, status: 'DELETED', deletedRecords: deleted });
      } catch {
        await this.pending.replaceOne(
          { _id: `${subgraph}:${pseudonym}` },
          { _id: `${subgraph}:${pseudonym}`, subgraph, pseudonym, since: new Date().toISOString(), attempts: 1 },
          { upsert: true },
        );
        parts.push({ subgraph, status: 'PENDING', deletedRecords: null });
      }
    }
    parts.sort((a, b) => a.subgraph.localeCompare(b.subgraph));
    return { complete: parts.every((part) => part.status === 'DELETED'), parts };
  }

  /** Retries every pending deletion once; returns how many are still pending. */
  async retryPending(): Promise<number> {
    const urls = this.subgraphs();
    for (const pending of await this.pending.find({})) {
      const url = urls.get(pending.subgraph);
      try {
        if (!url) throw new Error('not in the supergraph');
        const deleted = await this.deleteAt(pending.subgraph, url, pending.pseudonym);
        await this.pending.deleteOne({ _id: pending._id });
        this.logger.info({ subgraph: pending.subgraph, deletedRecords: deleted === 'not-personal' ? 0 : deleted }, 'pending deletion completed');
      } catch {
        await this.pending.updateOne({ _id: pending._id }, { $inc: { attempts: 1 } });
      }
    }
    return this.pending.countDocuments();
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      this.retryPending().catch((error: unknown) => this.logger.error({ err: error }, 'retrying pending deletions failed'));
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
