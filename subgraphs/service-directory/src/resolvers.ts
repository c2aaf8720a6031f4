import { connectionFromPage, decodeCursor, encodeCursor, localise, pageSize, type Language, type SubgraphResolvers } from '@aurora/subgraph-kit';
import type { Filter } from '@aurora/store';
import type { CodeCatalogue } from './code-catalogue';
import type { DirectoryContext } from './loaders';
import type { ChannelDocument, ChannelKind, CodeDocument, CodeListName, OrganisationDocument, ServiceDocument } from './model';
import type { DirectoryRepository, ListPosition } from './repository';
import { serviceQuery, type ServiceFilterInput } from './service-filter';

type LanguageArgs = { language?: Language };
type PageArgs = { first?: number | null; after?: string | null };

const CHANNEL_TYPES: Record<ChannelKind, string> = {
  ELECTRONIC: 'ElectronicChannel',
  PHONE: 'PhoneChannel',
  SERVICE_LOCATION: 'ServiceLocationChannel',
  WEB_PAGE: 'WebPageChannel',
  PRINTABLE_FORM: 'PrintableFormChannel',
};

const isPosition = (value: unknown): value is ListPosition =>
  typeof value === 'object' && value !== null && typeof (value as ListPosition).n === 'string' && typeof (value as ListPosition).i === 'string';

const localised =
  <D>(pick: (document: D) => Parameters<typeof localise>[0]) =>
  (document: D, { language }: LanguageArgs) =>
    localise(pick(document), language);

async function servicePage(repository: DirectoryRepository, filter: Filter, args: PageArgs) {
  const first = pageSize(args.first);
  const after = args.after ? decodeCursor(args.after, isPosition) : null;
  const [fetched, totalCount] = await Promise.all([
    first === 0 ? Promise.resolve([]) : repository.listServices(filter, after, first + 1),
    repository.countServices(filter),
  ]);
  return connectionFromPage(fetched, first, totalCount, (service) => encodeCursor({ n: service.sortName, i: service._id }));
}

function codeResolvers(list: CodeListName, codes: CodeCatalogue) {
  return {
    name: localised<CodeDocument>((code) => code.name),
    description: localised<CodeDocument>((code) => code.description),
    parent: (code: CodeDocument) => (code.parent ? codes.get(list, code.parent) : null),
  };
}

const channelFields = {
  id: (channel: ChannelDocument) => channel._id,
  name: localised<ChannelDocument>((channel) => channel.name),
  description: localised<ChannelDocument>((channel) => channel.description),
  organisation: (channel: ChannelDocument, _: unknown, { loaders }: DirectoryContext) =>
    channel.organisationId ? loaders.organisation.load(channel.organisationId) : null,
  __resolveReference: ({ id }: { id: string }, { loaders }: DirectoryContext) => loaders.channel.load(id),
};

/** The directory's resolvers. Lists resolve entities through the per-request DataLoaders. */
export function createResolvers(repository: DirectoryRepository, codes: CodeCatalogue): SubgraphResolvers {
  return {
    Query: {
      service: (_: unknown, { id }: { id: string }, { loaders }: DirectoryContext) => loaders.service.load(id),
      services: (_: unknown, args: PageArgs & { filter?: ServiceFilterInput | null }) =>
        servicePage(repository, serviceQuery(args.filter, codes), args),
      organisation: (_: unknown, { id }: { id: string }, { loaders }: DirectoryContext) => loaders.organisation.load(id),
      lifeEvents: () => codes.all('lifeEvent'),
      serviceClasses: () => codes.all('serviceClass'),
      targetGroups: () => codes.all('targetGroup'),
      municipalities: () => codes.all('municipality'),
      regions: () => codes.all('region'),
    },
    Service: {
      __resolveReference: ({ id }: { id: string }, { loaders }: DirectoryContext) => loaders.service.load(id),
      id: (service: ServiceDocument) => service._id,
      name: localised<ServiceDocument>((service) => service.name),
      summary: localised<ServiceDocument>((service) => service.summary),
      description: localised<ServiceDocument>((service) => service.description),
      provider: (service: ServiceDocument, _: unknown, { loaders }: DirectoryContext) =>
        service.providerId ? loaders.organisation.load(service.providerId) : null,
      lifeEvents: (service: ServiceDocument) => codes.resolve('lifeEvent', service.lifeEvents),
      serviceClasses: (service: ServiceDocument) => codes.resolve('serviceClass', service.serviceClasses),
      targetGroups: (service: ServiceDocument) => codes.resolve('targetGroup', service.targetGroups),
      areaType: (service: ServiceDocument) => (service.coverage === 'NATIONWIDE' ? 'NATIONWIDE' : 'MUNICIPALITIES'),
      areas: (service: ServiceDocument) => codes.resolve('municipality', service.municipalities),
      channels: async (service: ServiceDocument, _: unknown, { loaders }: DirectoryContext) =>
        (await loaders.channel.loadMany(service.channelIds)).filter((channel): channel is ChannelDocument => !!channel && !(channel instanceof Error)),
    },
    Organisation: {
      __resolveReference: ({ id }: { id: string }, { loaders }: DirectoryContext) => loaders.organisation.load(id),
      id: (organisation: OrganisationDocument) => organisation._id,
      name: localised<OrganisationDocument>((organisation) => organisation.name),
      description: localised<OrganisationDocument>((organisation) => organisation.description),
      municipality: (organisation: OrganisationDocument) =>
        organisation.municipality ? codes.get('municipality', organisation.municipality) : null,
      services: (organisation: OrganisationDocument, args: PageArgs) => servicePage(repository, { providerId: organisation._id }, args),
    },
    ServiceChannel: {
      __resolveType: (channel: ChannelDocument) => CHANNEL_TYPES[channel.kind],
    },
    ElectronicChannel: channelFields,
    PhoneChannel: channelFields,
    ServiceLocationChannel: channelFields,
    WebPageChannel: channelFields,
    PrintableFormChannel: channelFields,
    Address: {
      municipality: (address: { municipality: string | null }) => (address.municipality ? codes.get('municipality', address.municipality) : null),
    },
    LifeEvent: codeResolvers('lifeEvent', codes),
    ServiceClass: codeResolvers('serviceClass', codes),
    TargetGroup: codeResolvers('targetGroup', codes),
    Municipality: {
      name: localised<CodeDocument>((code) => code.name),
      region: (code: CodeDocument) => (code.region ? codes.get('region', code.region) : null),
    },
    Region: { name: localised<CodeDocument>((code) => code.name) },
  } as SubgraphResolvers;
}
