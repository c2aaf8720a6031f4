import { localise } from '@aurora/subgraph-kit';
import type { Resolvers } from './generated/resolvers';

export const resolvers: Resolvers = {
  Query: {
    mikkeliVisitingDetails: (_, { serviceLocationId }, { loaders }) => loaders.visitingDetails.load(serviceLocationId),
  },
  ServiceLocationChannel: {
    __resolveReference: (reference) => ({ id: reference.id }),
    visitingDetails: ({ id }, _, { loaders }) => loaders.visitingDetails.load(id),
  },
  VisitingDetails: {
    parking: (details, { language }) => localise(details.parking, language) ?? null,
    publicTransport: (details, { language }) => localise(details.publicTransport, language) ?? null,
    exampleData: () => true,
    staffNotes: (details) => `Avainkoodi henkilökunnalle: ${details._id.slice(0, 4)} (esimerkki)`,
    directPhone: () => '015 194 0000',
  },
};
