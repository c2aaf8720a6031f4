import { v5 as uuidv5 } from 'uuid';
import type { Address, ChannelDocument, ChannelKind, OrganisationDocument, OrganisationType, ServiceDocument, ServiceHour, WebLink } from '../model';
import type { CodeIndex } from './codelists';
import { PTV_RELEASE_DATE } from './general-descriptions';
import { isArray, readJson } from './read-source';
import { languagesOf, sortKey } from './text';

/** Namespace of the stable UUIDs given to legacy records, which have only integer ids. */
const LEGACY_NAMESPACE = '6f0c51d2-63c5-4d6b-9a55-2b0d3c8e7a10';

export function legacyId(kind: 'organisation' | 'service' | 'channel', id: number): string {
  return uuidv5(`legacy-catalogue-2016:${kind}:${id}`, LEGACY_NAMESPACE);
}

type Raw = Record<string, unknown>;

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const list = <T = Raw>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const fi = (value: unknown) => (str(value) ? { fi: str(value) as string } : {});

const ORGANISATION_TYPES: Record<string, OrganisationType> = {
  valtio: 'STATE',
  kunta: 'MUNICIPALITY',
  'alueellinen yhteistoimintaorganisaatio': 'REGIONAL_ORGANISATION',
  maakunta: 'REGION',
  yritys: 'COMPANY',
  yritykset: 'COMPANY',
  järjestö: 'ASSOCIATION',
  järjestöt: 'ASSOCIATION',
};

function address(raw: Raw, index: CodeIndex): Address {
  const street = [str(raw.streetAddress), str(raw.buildingNumber)].filter(Boolean).join(' ');
  const municipality = str(raw.municipality);
  return {
    street: street || null,
    postalCode: str(raw.postalCode),
    postOffice: str(raw.postalDistrict),
    municipality: municipality ? (index.municipality(municipality) ?? null) : null,
    postOfficeBox: str(raw.postOfficeBox),
  };
}

function hours(raw: unknown): ServiceHour[] {
  return list(raw).map((entry) => ({
    days: list<string>(entry.dayOfWeek)
      .map((day) => Number.parseInt(day, 10))
      .filter((day) => day >= 1 && day <= 7),
    opens: str(entry.opens),
    closes: str(entry.closes),
    info: str(entry.openingHoursException),
    type: 'STANDARD' as const,
    validFrom: null,
    validTo: null,
    isClosed: false,
  }));
}

function webLinks(raw: unknown): WebLink[] {
  return list(raw)
    .map((entry) => ({ url: str(entry.url) ?? str(entry.URL) ?? '', name: str(entry.name) ?? str(entry.webpageName) }))
    .filter((link) => link.url !== '');
}

function emptyChannel(kind: ChannelKind, raw: Raw): ChannelDocument {
  return {
    _id: legacyId('channel', raw.id as number),
    kind,
    name: fi(raw.name),
    description: str(raw.description) ? fi(raw.description) : fi(raw.shortDescription),
    organisationId: typeof raw.organization === 'number' ? legacyId('organisation', raw.organization) : null,
    languages: languagesOf(list<string>(raw.language)),
    url: str(raw.URL),
    phoneNumbers: [],
    emails: [],
    webPages: [],
    serviceHours: [],
    visitingAddresses: [],
    postalAddresses: [],
    forms: [],
    requiresAuthentication: typeof raw.requiresAuthentication === 'boolean' ? raw.requiresAuthentication : null,
    requiresSignature: typeof raw.requiresSignature === 'boolean' ? raw.requiresSignature : null,
    status: 'ACTIVE',
    modified: PTV_RELEASE_DATE,
  };
}

/** Which channel file feeds which kind, and the key services use to link that kind. */
const CHANNEL_FILES: { file: string; kind: ChannelKind; serviceKey: string }[] = [
  { file: 'legacy_catalogue_2016/servicelocations.json', kind: 'SERVICE_LOCATION', serviceKey: 'officeChannel' },
  { file: 'legacy_catalogue_2016/phone_service.json', kind: 'PHONE', serviceKey: 'phoneChannel' },
  { file: 'legacy_catalogue_2016/electronictransactionservices.json', kind: 'ELECTRONIC', serviceKey: 'electronicTransactionService' },
  { file: 'legacy_catalogue_2016/electronicinformationservices.json', kind: 'WEB_PAGE', serviceKey: 'electronicInformationService' },
  { file: 'legacy_catalogue_2016/transactionservices.json', kind: 'PRINTABLE_FORM', serviceKey: 'transactionForm' },
];

function channel(kind: ChannelKind, raw: Raw, index: CodeIndex): ChannelDocument {
  const document = emptyChannel(kind, raw);
  if (kind === 'SERVICE_LOCATION') {
    document.phoneNumbers = list(raw.phone)
      .filter((phone) => str(phone.phone))
      .map((phone) => ({
        number: str(phone.phone) as string,
        description: str(phone.phoneNumberDescription),
        chargeInfo: [str(phone.phoneCallFee), str(phone.phoneCallFeeAdditionalInformation)].filter(Boolean).join('; ') || null,
      }));
    document.emails = list(raw.email)
      .map((email) => str(email.address))
      .filter((email): email is string => email !== null);
    document.webPages = webLinks(raw.webPage);
    document.serviceHours = hours(raw.openingTimes);
    document.visitingAddresses = list(raw.visitAddress).map((entry) => address(entry, index));
    document.postalAddresses = list(raw.postalAddress).map((entry) => address(entry, index));
  } else if (kind === 'PHONE') {
    const number = str(raw.phone);
    document.phoneNumbers = number ? [{ number, description: null, chargeInfo: str(raw.phoneCallFeeAdditionalInformation) }] : [];
    document.serviceHours = hours(raw.openingTimes);
    const page = str(raw.webPage);
    document.webPages = page ? [{ url: page, name: null }] : [];
  } else if (kind === 'ELECTRONIC') {
    const number = str(raw.phone);
    document.phoneNumbers = number ? [{ number, description: null, chargeInfo: str(raw.phoneServiceChargeInformation) }] : [];
  } else if (kind === 'PRINTABLE_FORM') {
    document.forms = [
      ...list(raw.links).map((link) => ({ url: str(link.URL) ?? '', name: str(link.fileType) })),
      ...list(raw.attachments).map((attachment) => ({ url: str(attachment.URL) ?? '', name: str(attachment.name) })),
    ].filter((form) => form.url !== '');
  }
  return document;
}

export interface LegacyCatalogue {
  organisations: OrganisationDocument[];
  services: ServiceDocument[];
  channels: ChannelDocument[];
}

/**
 * The early (2015–16) catalogue in its legacy format: organisations, services and channels
 * linked by integer ids, all in Finnish. Ids become stable UUIDs; names of code-list entries
 * (life events, service classes, target groups) are mapped to today's codes where they match.
 */
export function readLegacyCatalogue(root: string, index: CodeIndex, conceptByFinnishLabel: Map<string, string>): LegacyCatalogue {
  const rawOrganisations = readJson<Raw[]>(root, 'legacy_catalogue_2016/organizations.json', isArray);
  const organisations: OrganisationDocument[] = rawOrganisations
    .filter((raw) => typeof raw.id === 'number' && str(raw.name))
    .map((raw) => {
      const municipality = str(raw.municipalityCode) ?? (typeof raw.municipalityCode === 'number' ? String(raw.municipalityCode).padStart(3, '0') : null);
      return {
        _id: legacyId('organisation', raw.id as number),
        name: fi(raw.name),
        description: fi(raw.description),
        sortName: sortKey(str(raw.name) as string),
        type: ORGANISATION_TYPES[(str(raw.organizationType) ?? '').toLowerCase()] ?? 'OTHER',
        businessId: str(raw.businessID),
        municipality: municipality ? (index.municipality(municipality) ?? null) : null,
        webPages: webLinks(raw.webPages ?? raw.webpages),
      };
    });
  const organisationIds = new Set(organisations.map((organisation) => organisation._id));

  const channels: ChannelDocument[] = [];
  const kindOf = new Map<string, ChannelKind>();
  const channelIdsByKey = new Map<string, string>();
  const locationServices = new Map<number, Set<string>>();
  for (const source of CHANNEL_FILES) {
    for (const raw of readJson<Raw[]>(root, source.file, isArray)) {
      if (typeof raw.id !== 'number') continue;
      const document = channel(source.kind, raw, index);
      if (document.organisationId && !organisationIds.has(document.organisationId)) document.organisationId = null;
      channels.push(document);
      kindOf.set(document._id, document.kind);
      channelIdsByKey.set(`${source.serviceKey}:${raw.id}`, document._id);
      for (const serviceId of list<number>(raw.services)) {
        const linked = locationServices.get(serviceId) ?? new Set<string>();
        linked.add(document._id);
        locationServices.set(serviceId, linked);
      }
    }
  }

  const rawServices = readJson<Raw[]>(root, 'legacy_catalogue_2016/services.json', isArray);
  const services: ServiceDocument[] = rawServices
    .filter((raw) => typeof raw.id === 'number' && str(raw.name))
    .map((raw) => {
      const links = (raw.serviceToServiceChannel ?? {}) as Record<string, unknown>;
      const channelIds = new Set<string>(locationServices.get(raw.id as number) ?? []);
      for (const [key, ids] of Object.entries(links)) {
        for (const id of list<number>(ids)) {
          const channelId = channelIdsByKey.get(`${key}:${id}`);
          if (channelId) channelIds.add(channelId);
        }
      }
      const roles = (raw.serviceToOrganization ?? {}) as Record<string, unknown>;
      const provider = [...list<number>(roles.responsibleOrganization), ...list<number>(roles.producerOrganization)]
        .map((id) => legacyId('organisation', id))
        .find((id) => organisationIds.has(id));
      const municipalities = [
        ...new Set(
          list<string>(raw.municipality)
            .map((written) => index.municipality(written))
            .filter((code): code is string => !!code),
        ),
      ].sort();
      const mapped = (key: 'lifeEvent' | 'serviceClass' | 'targetGroup', values: unknown) =>
        [
          ...new Set(
            list<string>(values)
              .map((label) => index.fromFinnishLabel(key, label))
              .filter((code): code is string => !!code),
          ),
        ].sort();
      const nationwide = raw.serviceCoverage !== 'regional' || municipalities.length === 0;
      const terms = list<string>(raw.ontologyTerm)
        .map((term) => term.trim())
        .filter(Boolean);
      const concepts = terms.map((term) => conceptByFinnishLabel.get(term.toLowerCase())).filter((id): id is string => !!id);
      const unmatched = terms.filter((term) => !conceptByFinnishLabel.has(term.toLowerCase()));
      return {
        _id: legacyId('service', raw.id as number),
        name: fi(raw.name),
        summary: fi(raw.shortDescription),
        description: fi(raw.description),
        sortName: sortKey(str(raw.name) as string),
        providerId: provider ?? null,
        lifeEvents: mapped('lifeEvent', raw.lifeEvent),
        serviceClasses: mapped('serviceClass', raw.serviceClass),
        targetGroups: mapped('targetGroup', raw.targetGroup),
        coverage: nationwide ? ('NATIONWIDE' as const) : ('LOCAL' as const),
        municipalities: nationwide ? [] : municipalities,
        languages: languagesOf(list<string>(raw.language)),
        channelIds: [...channelIds].sort(),
        wellbeingDimensions: [],
        fundingType: null,
        chargeType: null,
        access: 'OPEN' as const,
        origin: 'LEGACY_CATALOGUE' as const,
        generalDescriptionCode: null,
        status: 'ACTIVE' as const,
        modified: PTV_RELEASE_DATE,
        channelKinds: [...new Set([...channelIds].map((id) => kindOf.get(id)).filter((kind): kind is ChannelKind => !!kind))].sort(),
        ontologyConcepts: [...new Set(concepts)].sort(),
        keywords: [...new Set([...list<string>(raw.keyword), ...unmatched])],
      };
    });
  return { organisations, services, channels };
}
