import type { DocumentStore } from '@aurora/store';
import { upsertChanged } from '@aurora/store';
import type { Language, Logger } from '@aurora/subgraph-kit';
import { DIMENSIONS, type ChannelKind, type Dimension, type IndexedService } from './model';

interface SyncState {
  _id: 'catalogue';
  /** The newest modification time seen; the next sync asks for services changed since then. */
  syncedUntil: string | null;
  lastSyncAt: string | null;
  [field: string]: unknown;
}

const DESCRIPTION_LIMIT = 600;

const CHANNEL_KINDS: Record<string, ChannelKind> = {
  ElectronicChannel: 'ELECTRONIC',
  PhoneChannel: 'PHONE',
  ServiceLocationChannel: 'SERVICE_LOCATION',
  WebPageChannel: 'WEB_PAGE',
  PrintableFormChannel: 'PRINTABLE_FORM',
};
const PAGE = 100;

/** The query the engine follows the catalogue with: the network's public interface, nothing else. */
export const CATALOGUE_CHANGES = `query CatalogueChanges($since: String, $after: String) {
  services(filter: { modifiedSince: $since, includeArchived: true }, first: ${PAGE}, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id
      nameFi: name(language: FI) nameSv: name(language: SV) nameEn: name(language: EN)
      summaryFi: summary(language: FI) summarySv: summary(language: SV) summaryEn: summary(language: EN)
      descriptionFi: description(language: FI) descriptionSv: description(language: SV) descriptionEn: description(language: EN)
      provider { id }
      lifeEvents { code } serviceClasses { code } targetGroups { code } ontologyConcepts
      areaType areas { code } languages channels { __typename } wellbeingDimensions status modified
    } }
  }
}`;

interface ServiceNode {
  id: string;
  nameFi: string | null;
  nameSv: string | null;
  nameEn: string | null;
  summaryFi: string | null;
  summarySv: string | null;
  summaryEn: string | null;
  descriptionFi: string | null;
  descriptionSv: string | null;
  descriptionEn: string | null;
  provider: { id: string } | null;
  lifeEvents: { code: string }[];
  serviceClasses: { code: string }[];
  targetGroups: { code: string }[];
  ontologyConcepts: string[];
  areaType: 'NATIONWIDE' | 'MUNICIPALITIES';
  areas: { code: string }[];
  languages: Language[];
  channels: { __typename: string }[];
  wellbeingDimensions: string[];
  status: 'ACTIVE' | 'ARCHIVED';
  modified: string;
}

/** The directory answers every language with a fallback; a text equal to the Finnish one is not a translation. */
function localised(fi: string | null, sv: string | null, en: string | null, limit?: number) {
  const cut = (text: string | null) => (text && limit ? text.slice(0, limit) : text) || undefined;
  const text: { fi?: string; sv?: string; en?: string } = {};
  if (fi) text.fi = cut(fi);
  if (sv && sv !== fi) text.sv = cut(sv);
  if (en && en !== fi && en !== sv) text.en = cut(en);
  return text;
}

export function fromNode(node: ServiceNode): IndexedService {
  return {
    _id: node.id,
    name: localised(node.nameFi, node.nameSv, node.nameEn),
    summary: localised(node.summaryFi, node.summarySv, node.summaryEn),
    description: localised(node.descriptionFi, node.descriptionSv, node.descriptionEn, DESCRIPTION_LIMIT),
    providerId: node.provider?.id ?? null,
    lifeEvents: node.lifeEvents.map((event) => event.code),
    serviceClasses: node.serviceClasses.map((serviceClass) => serviceClass.code),
    targetGroups: node.targetGroups.map((group) => group.code),
    concepts: node.ontologyConcepts,
    nationwide: node.areaType === 'NATIONWIDE',
    municipalities: node.areas.map((area) => area.code),
    languages: node.languages,
    channelKinds: [...new Set(node.channels.map((channel) => CHANNEL_KINDS[channel.__typename]).filter((kind): kind is ChannelKind => !!kind))].sort(),
    labels: node.wellbeingDimensions.filter((dimension): dimension is Dimension => (DIMENSIONS as readonly string[]).includes(dimension)),
    status: node.status,
    modified: node.modified,
  };
}

export type GraphQLPost = (query: string, variables: Record<string, unknown>) => Promise<{ data?: any; errors?: { message: string; extensions?: { code?: string } }[] }>;

export interface SyncReport {
  changed: number;
  created: number;
  updated: number;
  pages: number;
  syncedUntil: string | null;
}

/**
 * The engine's own copy of the catalogue in its own store, kept up to date through the router:
 * paged `services` queries for what changed since the newest modification time already seen
 * (archived services included, so that they leave the index). It never reads another
 * subgraph's database.
 */
export class CatalogueIndex {
  private readonly services;
  private readonly state;

  constructor(store: DocumentStore) {
    this.services = store.collection<IndexedService>('services');
    this.state = store.collection<SyncState>('sync');
  }

  all(): Promise<IndexedService[]> {
    return this.services.find({});
  }

  async status(): Promise<{ syncedUntil: string | null; lastSyncAt: string | null }> {
    const state = await this.state.findOne({ _id: 'catalogue' });
    return { syncedUntil: state?.syncedUntil ?? null, lastSyncAt: state?.lastSyncAt ?? null };
  }

  /** Fetches every change since the last sync, page by page, writing each page as it comes. */
  async catchUp(post: GraphQLPost, logger?: Logger): Promise<SyncReport> {
    const { syncedUntil } = await this.status();
    const report: SyncReport = { changed: 0, created: 0, updated: 0, pages: 0, syncedUntil };
    let after: string | null = null;
    let newest = syncedUntil;
    for (;;) {
      const result = await post(CATALOGUE_CHANGES, { since: syncedUntil, after });
      if (result.errors?.length || !result.data?.services) {
        const first = result.errors?.[0];
        throw new Error(`the catalogue could not be read through the router: ${first?.extensions?.code ?? 'ERROR'} ${first?.message ?? 'no data'}`);
      }
      const connection = result.data.services as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: ServiceNode }[] };
      const documents = connection.edges.map((edge) => fromNode(edge.node));
      const counts = await upsertChanged(this.services, documents);
      report.pages += 1;
      report.changed += counts.created + counts.updated;
      report.created += counts.created;
      report.updated += counts.updated;
      for (const document of documents) if (!newest || document.modified > newest) newest = document.modified;
      if (report.pages === 1 || report.pages % 10 === 0) {
        logger?.info({ page: report.pages, of: Math.ceil(connection.totalCount / PAGE), changed: report.changed }, 'catalogue sync: page read');
      }
      if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
      after = connection.pageInfo.endCursor;
    }
    // The filter is inclusive: the next sync starts just after the newest change seen, or it would
    // fetch again every service changed in that same millisecond (a bulk import is one instant).
    const next = newest && newest !== syncedUntil ? new Date(Date.parse(newest) + 1).toISOString() : newest;
    report.syncedUntil = next;
    await this.state.replaceOne({ _id: 'catalogue' }, { _id: 'catalogue', syncedUntil: next, lastSyncAt: new Date().toISOString() }, { upsert: true });
    return report;
  }
}
