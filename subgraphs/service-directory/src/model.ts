import type { Dimension } from '@aurora/code-lists';
import type { Language, LocalisedText } from '@aurora/subgraph-kit';

/** The ten 3X10D meters of AuroraAI's life-situation model, as the code lists name them. */
export type WellbeingDimension = Dimension;

/** Where a service record came from; a frontend may show it, the recommender weighs it. */
export type ServiceOrigin = 'LABELLED_CATALOGUE' | 'GENERAL_DESCRIPTION' | 'LEGACY_CATALOGUE' | 'PTV_IMPORT' | 'PROVIDER';

export interface ServiceDocument {
  _id: string;
  name: LocalisedText;
  summary: LocalisedText;
  description: LocalisedText;
  /** Lower-cased Finnish (else first) name: the stable order of service lists. */
  sortName: string;
  providerId: string | null;
  lifeEvents: string[];
  serviceClasses: string[];
  targetGroups: string[];
  coverage: 'NATIONWIDE' | 'LOCAL';
  /** Municipality codes where a LOCAL service is offered. */
  municipalities: string[];
  languages: Language[];
  channelIds: string[];
  wellbeingDimensions: WellbeingDimension[];
  fundingType: 'PUBLICLY_FUNDED' | 'MARKET_FUNDED' | null;
  chargeType: 'FREE' | 'CHARGED' | null;
  access: 'OPEN' | 'RESTRICTED';
  origin: ServiceOrigin;
  generalDescriptionCode: string | null;
  /** ACTIVE services are listed and searched; ARCHIVED ones still resolve by id. */
  status: 'ACTIVE' | 'ARCHIVED';
  /** When the record last changed at its source (ISO 8601). */
  modified: string;
  /** The kinds of the service's channels, kept with the service so that lists filter on them. */
  channelKinds: ChannelKind[];
  /** JUPO / KOKO concept URIs (PTV ontology terms). */
  ontologyConcepts: string[];
  /** Free keywords, in Finnish. */
  keywords: string[];
  [field: string]: unknown;
}

export type ChannelKind = 'ELECTRONIC' | 'PHONE' | 'SERVICE_LOCATION' | 'WEB_PAGE' | 'PRINTABLE_FORM';

export interface PhoneNumber {
  number: string;
  description: string | null;
  chargeInfo: string | null;
}

export interface ServiceHour {
  /** STANDARD: the regular hours; EXCEPTIONAL: a holiday or other exception; SPECIAL: seasonal. */
  type: 'STANDARD' | 'EXCEPTIONAL' | 'SPECIAL';
  validFrom: string | null;
  validTo: string | null;
  isClosed: boolean;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: number[];
  opens: string | null;
  closes: string | null;
  info: string | null;
}

export interface Address {
  street: string | null;
  postalCode: string | null;
  postOffice: string | null;
  municipality: string | null;
  postOfficeBox: string | null;
}

export interface WebLink {
  url: string;
  name: string | null;
}

export interface ChannelDocument {
  _id: string;
  kind: ChannelKind;
  name: LocalisedText;
  description: LocalisedText;
  organisationId: string | null;
  languages: Language[];
  url: string | null;
  phoneNumbers: PhoneNumber[];
  emails: string[];
  webPages: WebLink[];
  serviceHours: ServiceHour[];
  visitingAddresses: Address[];
  postalAddresses: Address[];
  forms: WebLink[];
  requiresAuthentication: boolean | null;
  requiresSignature: boolean | null;
  status: 'ACTIVE' | 'ARCHIVED';
  modified: string;
  [field: string]: unknown;
}

export type OrganisationType = 'STATE' | 'MUNICIPALITY' | 'REGIONAL_ORGANISATION' | 'REGION' | 'COMPANY' | 'ASSOCIATION' | 'OTHER';

export interface OrganisationDocument {
  _id: string;
  name: LocalisedText;
  description: LocalisedText;
  sortName: string;
  type: OrganisationType;
  businessId: string | null;
  municipality: string | null;
  webPages: WebLink[];
  [field: string]: unknown;
}

export type CodeListName = 'lifeEvent' | 'serviceClass' | 'targetGroup' | 'municipality' | 'region' | 'wellbeingCounty';

export interface CodeDocument {
  _id: string;
  list: CodeListName;
  code: string;
  name: LocalisedText;
  description: LocalisedText;
  parent: string | null;
  /** For municipalities: the region (maakunta) code. */
  region: string | null;
  /** For municipalities: the wellbeing services county code. */
  wellbeingCounty?: string | null;
  [field: string]: unknown;
}

export function codeId(list: CodeListName, code: string): string {
  return `${list}:${code}`;
}
