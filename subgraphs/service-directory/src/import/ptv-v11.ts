import type { Language, LocalisedText } from '@aurora/subgraph-kit';
import type {
  Address,
  ChannelDocument,
  ChannelKind,
  OrganisationDocument,
  OrganisationType,
  PhoneNumber,
  ServiceDocument,
  ServiceHour,
  WebLink,
} from '../model';
import type { CodeCatalogue } from '../code-catalogue';
import { firstName, sortKey } from './text';

type Raw = Record<string, unknown>;
type Localised = { language?: string; value?: string | null; type?: string }[];

export type V11Record =
  | { kind: 'service'; document: ServiceDocument; providerStub: OrganisationDocument | null }
  | { kind: 'channel'; document: ChannelDocument }
  | { kind: 'organisation'; document: OrganisationDocument };

/** A record that cannot be imported, and why, in words a data owner can act on. */
export class RejectedRecord extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LANGUAGES: Record<string, Language> = { fi: 'FI', sv: 'SV', en: 'EN' };
const WEEKDAYS: Record<string, number> = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 };
const CHANNEL_KINDS: Record<string, ChannelKind> = {
  EChannel: 'ELECTRONIC',
  Phone: 'PHONE',
  ServiceLocation: 'SERVICE_LOCATION',
  WebPage: 'WEB_PAGE',
  PrintableForm: 'PRINTABLE_FORM',
};
const ORGANISATION_TYPES: Record<string, OrganisationType> = {
  State: 'STATE',
  Municipality: 'MUNICIPALITY',
  RegionalOrganization: 'REGIONAL_ORGANISATION',
  Region: 'REGION',
  Company: 'COMPANY',
  Organization: 'ASSOCIATION',
  SotePublic: 'REGION',
  SotePrivate: 'COMPANY',
};

const list = <T = Raw>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** The texts of one type (`Name`, `Summary`, …) of a PTV localised list, by language. */
function texts(values: unknown, type?: string): LocalisedText {
  const result: LocalisedText = {};
  for (const entry of list(values) as Localised) {
    if (type && entry.type !== type) continue;
    const language = entry.language as keyof LocalisedText;
    const value = str(entry.value);
    if (value && (language === 'fi' || language === 'sv' || language === 'en') && !result[language]) result[language] = value;
  }
  return result;
}

function languages(values: unknown): Language[] {
  const found = new Set(
    list<string>(values)
      .map((code) => LANGUAGES[code])
      .filter((language): language is Language => !!language),
  );
  return (['FI', 'SV', 'EN'] as const).filter((language) => found.has(language));
}

function requireId(raw: Raw, what: string): string {
  const id = raw.id;
  if (typeof id !== 'string' || !UUID.test(id)) throw new RejectedRecord(`${what} has no valid id (a UUID); got ${JSON.stringify(id)?.slice(0, 60)}`);
  return id.toLowerCase();
}

function requireName(name: LocalisedText, what: string, id: string): LocalisedText {
  if (!name.fi && !name.sv && !name.en) throw new RejectedRecord(`${what} ${id} has no name in fi, sv or en`);
  return name;
}

function knownCodes(values: unknown, list_: 'serviceClass' | 'targetGroup' | 'lifeEvent', codes: CodeCatalogue): string[] {
  return [
    ...new Set(
      list(values)
        .map((entry) => str(entry.code))
        .filter((code): code is string => !!code && !!codes.get(list_, code)),
    ),
  ].sort();
}

function municipalitiesOf(areas: unknown, codes: CodeCatalogue): string[] {
  const result = new Set<string>();
  for (const area of list(areas)) {
    const type = str(area.type);
    for (const municipality of list(area.municipalities)) {
      const code = str(municipality.code);
      if (code && codes.get('municipality', code)) result.add(code);
    }
    const code = str(area.code);
    if (type === 'Municipality' && code && codes.get('municipality', code)) result.add(code);
    if (type === 'Region' && code && codes.get('region', code)) for (const member of codes.municipalitiesIn('region', [code])) result.add(member);
  }
  return [...result].sort();
}

/** PTV v11 Service → the directory's service record. */
export function mapService(raw: Raw, codes: CodeCatalogue): { document: ServiceDocument; providerStub: OrganisationDocument | null } {
  const id = requireId(raw, 'Service');
  const name = requireName(texts(raw.serviceNames, 'Name'), 'Service', id);
  const nationwide = raw.areaType === 'Nationwide' || raw.areaType === 'NationwideExceptAlandIslands';
  const municipalities = nationwide ? [] : municipalitiesOf(raw.areas, codes);
  if (!nationwide && municipalities.length === 0) {
    throw new RejectedRecord(`Service ${id} is limited to areas, but none of them is a known municipality or region`);
  }
  const organisations = list(raw.organizations);
  const responsible = organisations.find((entry) => entry.roleType === 'Responsible') ?? organisations.find((entry) => entry.roleType === 'OtherResponsible');
  const provider = responsible?.organization as { id?: string; name?: string } | undefined;
  const providerId = provider?.id && UUID.test(provider.id) ? provider.id.toLowerCase() : null;
  const status = raw.publishingStatus === 'Deleted' || raw.publishingStatus === 'Archived' || raw.publishingStatus === 'Withdrawn' ? 'ARCHIVED' : 'ACTIVE';
  const funding = raw.fundingType === 'PubliclyFunded' ? 'PUBLICLY_FUNDED' : raw.fundingType === 'MarketFunded' ? 'MARKET_FUNDED' : null;
  const charge = raw.serviceChargeType === 'FreeOfCharge' ? 'FREE' : raw.serviceChargeType === 'Chargeable' ? 'CHARGED' : null;
  const document: ServiceDocument = {
    _id: id,
    name,
    summary: texts(raw.serviceDescriptions, 'Summary'),
    description: texts(raw.serviceDescriptions, 'Description'),
    sortName: sortKey(firstName(name)),
    providerId,
    lifeEvents: knownCodes(raw.lifeEvents, 'lifeEvent', codes),
    serviceClasses: knownCodes(raw.serviceClasses, 'serviceClass', codes),
    targetGroups: knownCodes(raw.targetGroups, 'targetGroup', codes),
    coverage: nationwide ? 'NATIONWIDE' : 'LOCAL',
    municipalities,
    languages: languages(raw.languages),
    channelIds: [
      ...new Set(
        list(raw.serviceChannels)
          .map((entry) => (entry.serviceChannel as { id?: string } | undefined)?.id)
          .filter((channelId): channelId is string => typeof channelId === 'string' && UUID.test(channelId))
          .map((channelId) => channelId.toLowerCase()),
      ),
    ].sort(),
    wellbeingDimensions: [],
    fundingType: funding,
    chargeType: charge,
    access: 'OPEN',
    origin: 'PTV_IMPORT',
    generalDescriptionCode: null,
    status,
    modified: str(raw.modified) ?? new Date(0).toISOString(),
    channelKinds: [],
    ontologyConcepts: [
      ...new Set(
        list(raw.ontologyTerms)
          .map((term) => str(term.uri))
          .filter((uri): uri is string => !!uri),
      ),
    ].sort(),
    keywords: list(raw.keywords)
      .filter((keyword) => keyword.language === 'fi')
      .map((keyword) => str(keyword.value))
      .filter((keyword): keyword is string => !!keyword),
  };
  const providerStub: OrganisationDocument | null =
    providerId && provider?.name
      ? {
          _id: providerId,
          name: { fi: provider.name },
          description: {},
          sortName: sortKey(provider.name),
          type: 'OTHER',
          businessId: null,
          municipality: null,
          webPages: [],
        }
      : null;
  return { document, providerStub };
}

function address(raw: Raw, codes: CodeCatalogue): Address {
  const street = raw.streetAddress as Raw | null | undefined;
  const box = raw.postOfficeBoxAddress as Raw | null | undefined;
  const source = street ?? box ?? {};
  const municipality = str((source.municipality as Raw | undefined)?.code);
  const streetName = firstName(texts(street?.street));
  return {
    street: [streetName, str(street?.streetNumber)].filter(Boolean).join(' ') || null,
    postalCode: str(source.postalCode),
    postOffice: firstName(texts(source.postOffice)) || null,
    postOfficeBox: box ? firstName(texts(box.postOfficeBox)) || null : null,
    municipality: municipality && codes.get('municipality', municipality) ? municipality : null,
  };
}

function hours(values: unknown): ServiceHour[] {
  const result: ServiceHour[] = [];
  for (const entry of list(values)) {
    const type = entry.serviceHourType === 'Exceptional' ? 'EXCEPTIONAL' : entry.serviceHourType === 'Special' ? 'SPECIAL' : 'STANDARD';
    const common = {
      type,
      validFrom: str(entry.validFrom)?.slice(0, 10) ?? null,
      validTo: str(entry.validTo)?.slice(0, 10) ?? null,
      isClosed: entry.isClosed === true,
      info: firstName(texts(entry.additionalInformation)) || null,
    } as const;
    const opening = list(entry.openingHour);
    if (opening.length === 0) result.push({ ...common, days: [], opens: null, closes: null });
    for (const slot of opening) {
      const from = WEEKDAYS[String(slot.dayFrom).toLowerCase()];
      const to = WEEKDAYS[String(slot.dayTo).toLowerCase()] ?? from;
      const days = from ? Array.from({ length: (((to ?? from) - from + 7) % 7) + 1 }, (_, offset) => ((from - 1 + offset) % 7) + 1) : [];
      result.push({ ...common, days, opens: str(slot.from)?.slice(0, 5) ?? null, closes: str(slot.to)?.slice(0, 5) ?? null });
    }
  }
  return result;
}

function phones(values: unknown): PhoneNumber[] {
  return list(values)
    .filter((phone) => str(phone.number))
    .map((phone) => ({
      number: [str(phone.prefixNumber), str(phone.number)].filter(Boolean).join(' '),
      description: str(phone.additionalInformation),
      chargeInfo:
        str(phone.chargeDescription) ??
        (phone.serviceChargeType === 'Chargeable' ? 'Chargeable' : phone.serviceChargeType === 'FreeOfCharge' ? 'Free of charge' : null),
    }));
}

function links(values: unknown): WebLink[] {
  return list(values)
    .map((entry) => ({ url: str(entry.url) ?? str(entry.value) ?? '', name: str(entry.url) ? str(entry.value) : null }))
    .filter((link) => /^https?:\/\//.test(link.url));
}

/** PTV v11 ServiceChannel (any of the five kinds) → the directory's channel record. */
export function mapChannel(raw: Raw, codes: CodeCatalogue): ChannelDocument {
  const id = requireId(raw, 'ServiceChannel');
  const kind = CHANNEL_KINDS[String(raw.serviceChannelType)];
  if (!kind) throw new RejectedRecord(`ServiceChannel ${id} has an unknown serviceChannelType ${JSON.stringify(raw.serviceChannelType)}`);
  const name = requireName(texts(raw.serviceChannelNames, 'Name'), 'ServiceChannel', id);
  const descriptions = texts(raw.serviceChannelDescriptions, 'Description');
  const addresses = list(raw.addresses);
  const urls = [...links(raw.urls), ...links(raw.webPages), ...links(raw.channelUrls)];
  return {
    _id: id,
    kind,
    name,
    description: Object.keys(descriptions).length > 0 ? descriptions : texts(raw.serviceChannelDescriptions, 'Summary'),
    organisationId: typeof raw.organizationId === 'string' && UUID.test(raw.organizationId) ? raw.organizationId.toLowerCase() : null,
    languages: languages(raw.languages),
    url: kind === 'ELECTRONIC' || kind === 'WEB_PAGE' ? (urls[0]?.url ?? null) : null,
    phoneNumbers: [...phones(raw.phoneNumbers), ...phones(raw.supportPhones)],
    emails: [...list(raw.emails), ...list(raw.supportEmails)].map((email) => str(email.value)).filter((email): email is string => !!email),
    webPages: kind === 'ELECTRONIC' || kind === 'WEB_PAGE' ? urls.slice(1) : urls,
    serviceHours: hours(raw.serviceHours),
    visitingAddresses: addresses.filter((entry) => entry.type === 'Location' || entry.type === 'Visiting').map((entry) => address(entry, codes)),
    postalAddresses: addresses.filter((entry) => entry.type === 'Postal').map((entry) => address(entry, codes)),
    forms: kind === 'PRINTABLE_FORM' ? [...links(raw.channelUrls), ...links(raw.attachments)] : [],
    requiresAuthentication: typeof raw.isOnlineAuthenticationRequired === 'boolean' ? raw.isOnlineAuthenticationRequired : null,
    requiresSignature: typeof raw.isOnlineSignatureRequired === 'boolean' ? raw.isOnlineSignatureRequired : null,
    status: raw.publishingStatus === 'Deleted' || raw.publishingStatus === 'Archived' ? 'ARCHIVED' : 'ACTIVE',
    modified: str(raw.modified) ?? new Date(0).toISOString(),
  };
}

/** PTV v11 Organization → the directory's organisation record. */
export function mapOrganisation(raw: Raw, codes: CodeCatalogue): OrganisationDocument {
  const id = requireId(raw, 'Organization');
  const name = requireName(texts(raw.organizationNames, 'Name'), 'Organization', id);
  const municipality = str((raw.municipality as Raw | undefined)?.code);
  return {
    _id: id,
    name,
    description: texts(raw.organizationDescriptions, 'Description'),
    sortName: sortKey(firstName(name)),
    type: ORGANISATION_TYPES[String(raw.organizationType)] ?? 'OTHER',
    businessId: str(raw.businessCode),
    municipality: municipality && codes.get('municipality', municipality) ? municipality : null,
    webPages: links(raw.webPages),
  };
}

/** Which of the three v11 records this is, mapped; RejectedRecord when it is none of them. */
export function mapV11Record(raw: unknown, codes: CodeCatalogue): V11Record {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new RejectedRecord('not a JSON object');
  const record = raw as Raw;
  if ('serviceChannelType' in record) return { kind: 'channel', document: mapChannel(record, codes) };
  if ('organizationNames' in record || 'organizationType' in record) return { kind: 'organisation', document: mapOrganisation(record, codes) };
  if ('serviceNames' in record || record.type === 'Service') return { kind: 'service', ...mapService(record, codes) };
  throw new RejectedRecord('not a PTV v11 Service, ServiceChannel or Organization (no serviceNames, serviceChannelType or organizationNames)');
}
