import DataLoader from 'dataloader';
import type { ActionOfferDocument } from './actions';
import type { ChannelDocument, OrganisationDocument, ServiceDocument } from './model';
import type { DirectoryRepository } from './repository';

function byId<T extends { _id: string }>(fetch: (ids: readonly string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const found = new Map((await fetch(ids)).map((document) => [document._id, document]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** DataLoaders for one request: every id asked for in one tick becomes one store query. */
export function createLoaders(repository: DirectoryRepository) {
  return {
    service: byId<ServiceDocument>((ids) => repository.servicesByIds(ids)),
    channel: byId<ChannelDocument>((ids) => repository.channelsByIds(ids)),
    organisation: byId<OrganisationDocument>((ids) => repository.organisationsByIds(ids)),
    /** The offers that hold for each service (keyed by the service, whose locations count too): one query per request tick. */
    offers: new DataLoader<ServiceDocument, ActionOfferDocument[], string>(
      async (services) => {
        const offers = await repository.offersFor(
          services.map((service) => service._id),
          services.flatMap((service) => service.channelIds),
        );
        return services.map((service) =>
          offers.filter((offer) => offer.serviceIds.includes(service._id) || (offer.locationId !== null && service.channelIds.includes(offer.locationId))),
        );
      },
      { cacheKeyFn: (service) => service._id },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface DirectoryContext {
  loaders: Loaders;
  /** The request's Authorization header, for provider mutations; verified only where needed. */
  authorization?: string;
}
