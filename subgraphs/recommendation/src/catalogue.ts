import type { DocumentStore } from '@aurora/store';
import { upsertChanged } from '@aurora/store';
import type { Language, Logger } from '@aurora/subgraph-kit';
import { DIMENSIONS, type ChannelKind, type Dimension, type IndexedService, type Place } from './model';

interface SyncState {
  _id: 'catalogue';
  /** The newest modification time seen; the next sync asks for services changed since then. */
  syncedUntil: string | null;
  lastSyncAt: string | null;
  /** What a stored service holds; an index stored in an older shape is read again whole. */
  format?: number;
  [field: string]: unknown;
}

/** 2: services keep their places to visit, with the municipality of each address. */
const FORMAT = 2;

const DESCRIPTION_LIMIT = 600;

const CHANNEL_KINDS: Record<string, ChannelKind> = {
  ElectronicChannel: 'ELECTRONIC',
  PhoneChannel: 'PHONE',
  ServiceLocationChannel: 'SERVICE_LOCATION',
  WebPageChannel: 'WEB_PAGE',
  PrintableFormChannel: 'PRINTABLE_FORM',
};
// A page the router's query cost limit accepts with the places to visit (about 11,000 of its 20,000 at 50).
export const CATALOGUE_PAGE = 50;
const PAGE = CATALOGUE_PAGE;

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
      areaType areas { code } languages wellbeingDimensions status modified
      channels { __typename ... on ServiceLocationChannel { id status visitingAddresses { municipality { code } } } }
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
  channels: { __typename: string; id?: string; status?: 'ACTIVE' | 'ARCHIVED'; visitingAddresses?: { municipality: { code: string } | null }[] }[];
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
    places: placesOf(node.channels),
    labels: node.wellbeingDimensions.filter((dimension): dimension is Dimension => (DIMENSIONS as readonly string[]).includes(dimension)),
    status: node.status,
    modified: node.modified,
  };
}

/** The service's places to visit in use: one entry per location and municipality of its visiting addresses. */
function placesOf(channels: ServiceNode['channels']): Place[] {
  const places = new Map<string, Place>();
  for (const channel of channels) {
    if (channel.__typename !== 'ServiceLocationChannel' || !channel.id || channel.status === 'ARCHIVED') continue;
    const municipalities = (channel.visitingAddresses ?? []).map((address) => address.municipality?.code ?? null);
    for (const municipality of municipalities.length > 0 ? municipalities : [null])
      places.set(`${channel.id}:${municipality}`, { channelId: channel.id, municipality });
  }
  return [...places.values()];
}

export type GraphQLPost = (
  query: string,
  variables: Record<string, unknown>,
) => Promise<{ data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] }>;

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
    const state = await this.state.findOne({ _id: 'catalogue' });
    // An index stored in an older shape lacks fields the engine now reads: fetch every service again.
    const syncedUntil = state?.format === FORMAT ? state.syncedUntil : null;
    const report: SyncReport = { changed: 0, created: 0, updated: 0, pages: 0, syncedUntil };
    let after: string | null = null;
    let newest = syncedUntil;
    for (;;) {
      const result = await post(CATALOGUE_CHANGES, { since: syncedUntil, after });
      if (result.errors?.length || !result.data?.services) {
        const first = result.errors?.[0];
        throw new Error(`the catalogue could not be read through the router: ${first?.extensions?.code ?? 'ERROR'} ${first?.message ?? 'no data'}`);
      }
      const connection = result.data.services as {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: ServiceNode }[];
      };
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
    await this.state.replaceOne(
      { _id: 'catalogue' },
      { _id: 'catalogue', syncedUntil: next, lastSyncAt: new Date().toISOString(), format: FORMAT },
      { upsert: true },
    );
    return report;
  }
}
