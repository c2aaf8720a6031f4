import type { DocumentStore } from '@aurora/store';
import { codedError, ErrorCode, type Logger } from '@aurora/subgraph-kit';
import { CatalogueIndex, type GraphQLPost, type SyncReport } from './catalogue';
import { RecommendationEngine, type EngineOptions, type Recommendation } from './engine';
import { FeedbackStore } from './feedback';
import type { Situation } from './model';

/** How long a request waits for a starting engine before NOT_READY, and the retry hint it then gives. */
const READY_WAIT_MS = 3000;
const RETRY_AFTER_SECONDS = 5;

/**
 * The engine's state: its own copy of the catalogue, the engine built over it, and the feedback.
 * It serves from the stored index at once and catches up with the catalogue in the background;
 * requests use the engine built from the last complete sync until the next one is ready.
 * Until a first sync has ever completed (a fresh start with an empty store) it is not ready: a
 * request waits briefly, then gets NOT_READY, never an empty answer that reads as "nothing fits".
 */
export class RecommendationService {
  readonly catalogue: CatalogueIndex;
  readonly feedback: FeedbackStore;
  private engine: RecommendationEngine | null = null;
  private building: Promise<RecommendationEngine> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Whether the stored index comes from at least one complete sync of the catalogue. */
  private synced = false;

  constructor(
    store: DocumentStore,
    private readonly logger: Logger,
    private readonly engineOptions: EngineOptions = {},
  ) {
    this.catalogue = new CatalogueIndex(store);
    this.feedback = new FeedbackStore(store);
  }

  /** The engine over the stored index, built on first use. */
  current(): Promise<RecommendationEngine> {
    if (this.engine) return Promise.resolve(this.engine);
    return this.rebuild();
  }

  private rebuild(): Promise<RecommendationEngine> {
    this.building ??= (async () => {
      const started = Date.now();
      const synced = (await this.catalogue.status()).lastSyncAt !== null;
      const engine = new RecommendationEngine(await this.catalogue.all(), this.engineOptions);
      const counts = engine.counts();
      this.logger.info({ services: engine.size, ...counts, ms: Date.now() - started }, 'recommendation index built');
      this.engine = engine;
      this.synced = synced;
      return engine;
    })().finally(() => {
      this.building = null;
    });
    return this.building;
  }

  /** Ready once the engine is built over a catalogue that was read whole at least once. */
  readiness(): { ready: boolean; reason?: string } {
    if (this.engine && this.synced) return { ready: true };
    return { ready: false, reason: this.engine ? 'reading the catalogue for the first time' : 'building the index' };
  }

  /** The engine once ready; waits up to `waitMs`, then NOT_READY with a retry hint. */
  private async ready(waitMs = READY_WAIT_MS): Promise<RecommendationEngine> {
    const deadline = Date.now() + waitMs;
    let engine = await this.current();
    while (!this.readiness().ready && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      engine = await this.current();
    }
    if (!this.readiness().ready) {
      throw codedError(ErrorCode.NOT_READY, 'The recommendation engine is still reading the service catalogue after starting; try again in a few seconds.', {
        retryAfterSeconds: RETRY_AFTER_SECONDS,
      });
    }
    return engine;
  }

  async recommend(situation: Situation, first: number, pseudonym: string | null): Promise<Recommendation> {
    const [engine, history] = await Promise.all([this.ready(), this.feedback.history(pseudonym)]);
    return engine.recommend(situation, first, history);
  }

  async knowsService(id: string): Promise<boolean> {
    return (await this.ready()).service(id) !== undefined;
  }

  async indexStatus() {
    const engine = await this.current();
    const counts = engine.counts();
    return { services: engine.size, labelledServices: counts.labelled, inferredServices: counts.inferred, ...(await this.catalogue.status()) };
  }

  /** Catches up with the catalogue once; rebuilds the engine when anything changed. */
  async syncNow(post: GraphQLPost): Promise<SyncReport> {
    const report = await this.catalogue.catchUp(post, this.logger);
    if (report.changed > 0 || !this.engine || !this.synced) {
      this.logger.info({ changed: report.changed, pages: report.pages }, 'catalogue sync: caught up');
      this.engine = null;
      await this.rebuild();
    }
    return report;
  }

  /** Follows the catalogue through the router: now, then every `intervalMs`; failures are retried. */
  follow(routerUrl: string, intervalMs: number): void {
    const post: GraphQLPost = async (query, variables) => {
      const response = await fetch(routerUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'apollographql-client-name': 'recommendation-sync' },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(30_000),
      });
      return (await response.json()) as Awaited<ReturnType<GraphQLPost>>;
    };
    let failures = 0;
    const run = async () => {
      if (this.stopped) return;
      try {
        await this.syncNow(post);
        failures = 0;
      } catch (error) {
        failures += 1;
        // The router starts after this subgraph; until it answers, say so quietly and retry.
        const message = error instanceof Error ? (error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message) : String(error);
        (failures <= 2 ? this.logger.info.bind(this.logger) : this.logger.warn.bind(this.logger))(
          { attempt: failures, reason: message },
          'catalogue sync: router not reachable yet; serving from the stored index and retrying',
        );
      }
      if (!this.stopped) this.timer = setTimeout(run, failures > 0 ? Math.min(1000 * 2 ** failures, intervalMs) : intervalMs);
    };
    this.timer = setTimeout(run, 0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
