import { localise, type Language, type SubgraphResolvers } from '@aurora/subgraph-kit';
import type { VisitingDetailsDocument } from './example-data';
import type { MikkeliContext } from './loaders';

type LanguageArgs = { language?: Language };

export const resolvers: SubgraphResolvers = {
  Query: {
    mikkeliVisitingDetails: (_: unknown, { serviceLocationId }: { serviceLocationId: string }, { loaders }: MikkeliContext) =>
      loaders.visitingDetails.load(serviceLocationId),
  },
  ServiceLocationChannel: {
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
    visitingDetails: ({ id }: { id: string }, _: unknown, { loaders }: MikkeliContext) => loaders.visitingDetails.load(id),
  },
  VisitingDetails: {
    parking: (details: VisitingDetailsDocument, { language }: LanguageArgs) => localise(details.parking, language),
    publicTransport: (details: VisitingDetailsDocument, { language }: LanguageArgs) => localise(details.publicTransport, language),
    exampleData: () => true,
    staffNotes: (details: VisitingDetailsDocument) => `Avainkoodi henkilökunnalle: ${details._id.slice(0, 4)} (esimerkki)`,
    directPhone: () => '015 194 0000',
  },
} as SubgraphResolvers;
