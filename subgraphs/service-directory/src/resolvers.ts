import { localise, type Language } from '@aurora/subgraph-kit';
import { ACTION_TYPES, actionsOf, labelOf, serviceIdOf, type ActionView } from './actions';
import type { CodeCatalogue } from './code-catalogue';
import type { Directory, MatchedPart, ServiceMatch } from './directory';
import type { Resolvers, SearchField } from './generated/resolvers';
import type { DirectoryContext } from './loaders';
import type { ChannelDocument, ChannelKind, CodeDocument, CodeListName, OrganisationDocument, ServiceDocument } from './model';
import { TEXT_LANGUAGES, type TextLanguage } from './search/analysis';
import { snippet } from './search/snippet';
import type { Publishing } from './publishing';

type LanguageArgs = { language?: Language };

const CHANNEL_TYPES = {
  ELECTRONIC: 'ElectronicChannel',
  PHONE: 'PhoneChannel',
  SERVICE_LOCATION: 'ServiceLocationChannel',
  WEB_PAGE: 'WebPageChannel',
  PRINTABLE_FORM: 'PrintableFormChannel',
} as const satisfies Record<ChannelKind, string>;

const LANGUAGE_OF: Record<TextLanguage, Language> = { fi: 'FI', sv: 'SV', en: 'EN' };
const FIELD_OF: Record<MatchedPart, SearchField> = { name: 'NAME', summary: 'SUMMARY', description: 'DESCRIPTION', concepts: 'CONCEPTS' };

const localised =
  <D>(pick: (document: D) => Parameters<typeof localise>[0]) =>
  (document: D, { language }: LanguageArgs) =>
    localise(pick(document), language);

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

/** The passage to show for a match: the query language first, summary before name and description. */
function matchSnippet(match: ServiceMatch): string | null {
  const languages: TextLanguage[] = [match.language, ...TEXT_LANGUAGES.filter((language) => language !== match.language)];
  for (const language of languages) {
    for (const text of [match.node.summary[language], match.node.name[language], match.node.description[language]]) {
      const passage = snippet(text, match.terms, language);
      if (passage) return passage;
    }
  }
  return null;
}

const activeChannels = async (service: ServiceDocument, { loaders }: DirectoryContext) =>
  (await loaders.channel.loadMany(service.channelIds)).filter(
    (channel): channel is ChannelDocument => !!channel && !(channel instanceof Error) && channel.status !== 'ARCHIVED',
  );

async function serviceActions(service: ServiceDocument, context: DirectoryContext): Promise<ActionView[]> {
  const [channels, offers] = await Promise.all([activeChannels(service, context), context.loaders.offers.load(service)]);
  return actionsOf(service, channels, offers);
}

/** An action by id: the one of that id among its service's actions now, so a withdrawn one is gone. */
async function actionById(id: string, context: DirectoryContext): Promise<ActionView | null> {
  const serviceId = serviceIdOf(id);
  const service = serviceId ? await context.loaders.service.load(serviceId) : null;
  if (!service) return null;
  return (await serviceActions(service, context)).find((action) => action.id === id) ?? null;
}

/** The fields every kind of action has. */
const actionFields = {
  __resolveReference: ({ id }: { id: string }, context: DirectoryContext) => actionById(id, context),
  id: (action: ActionView) => action.id,
  kind: (action: ActionView) => action.kind,
  label: (action: ActionView, { language }: LanguageArgs) => localise(labelOf(action), language) ?? '',
  title: (action: ActionView, { language }: LanguageArgs) => localise(action.title, language),
  service: (action: ActionView) => action.service,
  provider: (action: ActionView, _: unknown, { loaders }: DirectoryContext) =>
    action.organisationId ? loaders.organisation.load(action.organisationId) : null,
  exampleData: (action: ActionView) => action.exampleData,
};

/** The channel behind an action that has one (every kind but eligibility and OTHER). */
function channelOf(action: ActionView): ChannelDocument {
  if (!action.channel) throw new Error(`action ${action.id} has no channel`);
  return action.channel;
}

/** The directory's resolvers. Lists resolve entities through the per-request DataLoaders. */
export function createResolvers(directory: Directory, publishing: Publishing): Resolvers {
  const { codes } = directory;
  return {
    Mutation: {
      publishService: (_, { input }, context) => publishing.publishService(input, context),
      updateService: (_, { id, input }, context) => publishing.updateService(id, input, context),
      archiveService: (_, { id }, context) => publishing.archiveService(id, context),
      publishServiceChannel: (_, { input }, context) => publishing.publishChannel(input, context),
      updateServiceChannel: (_, { id, input }, context) => publishing.updateChannel(id, input, context),
      archiveServiceChannel: (_, { id }, context) => publishing.archiveChannel(id, context),
      publishServiceAction: (_, { input }, context) => publishing.publishAction(input, context),
      archiveServiceAction: (_, { id }, context) => publishing.archiveAction(id, context),
    },
    Query: {
      service: (_, { id }, { loaders }) => loaders.service.load(id),
      serviceAction: (_, { id }, context) => actionById(id, context),
      services: (_, args) => directory.services(args.filter, args),
      organisation: (_, { id }, { loaders }) => loaders.organisation.load(id),
      lifeEvents: () => codes.all('lifeEvent'),
      serviceClasses: () => codes.all('serviceClass'),
      targetGroups: () => codes.all('targetGroup'),
      municipalities: () => codes.all('municipality'),
      regions: () => codes.all('region'),
      wellbeingServiceCounties: () => codes.all('wellbeingCounty'),
    },
    ServiceEdge: {
      match: (edge) => (edge.match ? { ...edge.match, node: edge.node } : null),
    },
    SearchMatch: {
      language: (match) => LANGUAGE_OF[match.language],
      fields: (match) => match.parts.map((part) => FIELD_OF[part]),
      snippet: matchSnippet,
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
      ontologyConcepts: (service: ServiceDocument) => service.ontologyConcepts ?? [],
      channels: (service: ServiceDocument, _: unknown, context: DirectoryContext) => activeChannels(service, context),
      actions: (service: ServiceDocument, _: unknown, context: DirectoryContext) => serviceActions(service, context),
      nextStep: async (service: ServiceDocument, _: unknown, context: DirectoryContext) => (await serviceActions(service, context))[0] ?? null,
    },
    ServiceAction: {
      __resolveType: (action: ActionView) => ACTION_TYPES[action.kind],
    },
    AppointmentBooking: { ...actionFields, location: channelOf },
    EligibilityCheck: actionFields,
    OnlineApplication: {
      ...actionFields,
      url: (action) => channelOf(action).url,
      requiresStrongIdentification: (action) => channelOf(action).requiresAuthentication,
      requiresSignature: (action) => channelOf(action).requiresSignature,
      channel: channelOf,
    },
    ContactOption: {
      ...actionFields,
      method: (action) => action.method ?? 'PHONE',
      phoneNumbers: (action) => (action.method === 'PHONE' ? channelOf(action).phoneNumbers : []),
      address: (action) => (action.method === 'VISIT' ? (channelOf(action).visitingAddresses[0] ?? null) : null),
      url: (action) => (action.method === 'CHAT' ? channelOf(action).url : null),
      serviceHours: (action) => channelOf(action).serviceHours,
      channel: channelOf,
    },
    OtherAction: {
      ...actionFields,
      description: (action, { language }) => localise(action.offer?.description, language),
      url: (action) => action.offer?.url ?? null,
      status: (action) => action.offer?.status ?? 'ACTIVE',
    },
    Organisation: {
      __resolveReference: ({ id }: { id: string }, { loaders }: DirectoryContext) => loaders.organisation.load(id),
      id: (organisation: OrganisationDocument) => organisation._id,
      name: localised<OrganisationDocument>((organisation) => organisation.name),
      description: localised<OrganisationDocument>((organisation) => organisation.description),
      municipality: (organisation: OrganisationDocument) => (organisation.municipality ? codes.get('municipality', organisation.municipality) : null),
      services: (organisation, args) => directory.services(null, args, { providerId: organisation._id }),
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
      wellbeingServiceCounty: (code: CodeDocument) => (code.wellbeingCounty ? codes.get('wellbeingCounty', code.wellbeingCounty) : null),
    },
    Region: { name: localised<CodeDocument>((code) => code.name) },
    WellbeingServiceCounty: { name: localised<CodeDocument>((code) => code.name) },
  };
}
