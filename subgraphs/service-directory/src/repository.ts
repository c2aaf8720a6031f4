import { upsertChanged, type Collection, type DocumentStore, type Filter, type IndexSpec } from '@aurora/store';
import type { ActionOfferDocument } from './actions';
import type { ChannelDocument, CodeDocument, CodeListName, OrganisationDocument, ServiceDocument } from './model';

/** A position in the service order (sortName, then id): what a cursor stands for. */
export interface ListPosition {
  n: string;
  i: string;
}

interface ImportState {
  _id: string;
  version: string;
  completedAt: string;
  counts: Record<string, number>;
  [field: string]: unknown;
}

/** Indexes, declared once here; both store adapters receive the same declaration. */
export const INDEXES: Record<string, IndexSpec[]> = {
  services: [
    { key: { sortName: 1, _id: 1 }, name: 'services_order' },
    { key: { providerId: 1, sortName: 1, _id: 1 }, name: 'services_by_provider' },
    { key: { lifeEvents: 1 }, name: 'services_by_life_event' },
    { key: { municipalities: 1 }, name: 'services_by_municipality' },
  ],
  organisations: [{ key: { sortName: 1, _id: 1 }, name: 'organisations_order' }],
  codes: [{ key: { list: 1, code: 1 }, name: 'codes_by_list', unique: true }],
  channels: [],
  actionOffers: [
    { key: { serviceIds: 1 }, name: 'offers_by_service' },
    { key: { locationId: 1 }, name: 'offers_by_location' },
  ],
  meta: [],
};

/** Everything the service directory stores, behind the document-store port. */
export class DirectoryRepository {
  readonly services: Collection<ServiceDocument>;
  readonly channels: Collection<ChannelDocument>;
  readonly organisations: Collection<OrganisationDocument>;
  readonly codes: Collection<CodeDocument>;
  readonly actionOffers: Collection<ActionOfferDocument>;
  private readonly meta: Collection<ImportState>;

  constructor(store: DocumentStore) {
    this.services = store.collection<ServiceDocument>('services');
    this.channels = store.collection<ChannelDocument>('channels');
    this.organisations = store.collection<OrganisationDocument>('organisations');
    this.codes = store.collection<CodeDocument>('codes');
    this.actionOffers = store.collection<ActionOfferDocument>('actionOffers');
    this.meta = store.collection<ImportState>('meta');
  }

  async ensureIndexes(): Promise<void> {
    await this.services.createIndexes(INDEXES.services ?? []);
    await this.organisations.createIndexes(INDEXES.organisations ?? []);
    await this.codes.createIndexes(INDEXES.codes ?? []);
    await this.actionOffers.createIndexes(INDEXES.actionOffers ?? []);
  }

  /** Writes the example organisations' action offers; running it again with the same data changes nothing. */
  seedActionOffers(offers: ActionOfferDocument[]) {
    return upsertChanged(this.actionOffers, offers);
  }

  actionOfferById(id: string): Promise<ActionOfferDocument | null> {
    return this.actionOffers.findOne({ _id: id });
  }

  async saveActionOffer(offer: ActionOfferDocument): Promise<void> {
    await this.actionOffers.replaceOne({ _id: offer._id }, offer, { upsert: true });
  }

  /** Offers naming any of the services, or any of the locations (a location's booking holds for every service given there). */
  offersFor(serviceIds: readonly string[], locationIds: readonly string[]): Promise<ActionOfferDocument[]> {
    return this.actionOffers.find({ $or: [{ serviceIds: { $in: [...serviceIds] } }, { locationId: { $in: [...locationIds] } }] }, { sort: { _id: 1 } });
  }

  servicesByIds(ids: readonly string[]): Promise<ServiceDocument[]> {
    return this.services.find({ _id: { $in: [...ids] } });
  }

  channelsByIds(ids: readonly string[]): Promise<ChannelDocument[]> {
    return this.channels.find({ _id: { $in: [...ids] } });
  }

  organisationsByIds(ids: readonly string[]): Promise<OrganisationDocument[]> {
    return this.organisations.find({ _id: { $in: [...ids] } });
  }

  codesByIds(ids: readonly string[]): Promise<CodeDocument[]> {
    return this.codes.find({ _id: { $in: [...ids] } });
  }

  codeList(list: CodeListName): Promise<CodeDocument[]> {
    return this.codes.find({ list });
  }

  /** One page of services in the stable order, starting after `after`; `limit` includes the look-ahead. */
  listServices(filter: Filter, after: ListPosition | null, limit: number): Promise<ServiceDocument[]> {
    const page = after ? { $or: [{ sortName: { $gt: after.n } }, { sortName: after.n, _id: { $gt: after.i } }] } : undefined;
    const query = page ? { $and: [filter, page] } : filter;
    return this.services.find(query, { sort: { sortName: 1, _id: 1 }, limit });
  }

  countServices(filter: Filter): Promise<number> {
    return this.services.countDocuments(filter);
  }

  importState(id: string): Promise<ImportState | null> {
    return this.meta.findOne({ _id: id });
  }

  async saveImportState(state: ImportState): Promise<void> {
    await this.meta.replaceOne({ _id: state._id }, state, { upsert: true });
  }
}
