import { randomUUID } from 'node:crypto';
import {
  badUserInput,
  codedError,
  ErrorCode,
  requireScope,
  type Language,
  type LocalisedText,
  type ProviderClaims,
  type ProviderTokenVerifier,
} from '@aurora/subgraph-kit';
import type { CodeCatalogue } from './code-catalogue';
import type { Directory } from './directory';
import type { DirectoryContext } from './loaders';
import type { Address, ChannelDocument, ChannelKind, PhoneNumber, ServiceDocument, ServiceHour, WebLink } from './model';
import { sortKey } from './import/text';

/** The scope a provider token needs to publish and change its organisation's services. */
export const PUBLISH_SCOPE = 'services:write';

const LIMITS = { name: 200, summary: 500, description: 10_000, keyword: 100, list: 200 };

type TextInput = { fi?: string | null; sv?: string | null; en?: string | null } | null | undefined;

export interface ServiceInput {
  name?: TextInput;
  summary?: TextInput;
  description?: TextInput;
  lifeEvents?: string[] | null;
  serviceClasses?: string[] | null;
  targetGroups?: string[] | null;
  areaType?: 'NATIONWIDE' | 'MUNICIPALITIES' | null;
  areas?: string[] | null;
  languages?: Language[] | null;
  channels?: string[] | null;
  fundingType?: 'PUBLICLY_FUNDED' | 'MARKET_FUNDED' | null;
  chargeType?: 'FREE' | 'CHARGED' | null;
  keywords?: string[] | null;
}

export interface ChannelInput {
  kind?: ChannelKind | null;
  name?: TextInput;
  description?: TextInput;
  languages?: Language[] | null;
  url?: string | null;
  phoneNumbers?: { number: string; description?: string | null; chargeInfo?: string | null }[] | null;
  emails?: string[] | null;
  webPages?: { url: string; name?: string | null }[] | null;
  serviceHours?:
    | {
        type?: ServiceHour['type'] | null;
        validFrom?: string | null;
        validTo?: string | null;
        isClosed?: boolean | null;
        days: number[];
        opens?: string | null;
        closes?: string | null;
        info?: string | null;
      }[]
    | null;
  visitingAddresses?: AddressInput[] | null;
  postalAddresses?: AddressInput[] | null;
  forms?: { url: string; name?: string | null }[] | null;
  requiresAuthentication?: boolean | null;
  requiresSignature?: boolean | null;
}

type AddressInput = {
  street?: string | null;
  postalCode?: string | null;
  postOffice?: string | null;
  postOfficeBox?: string | null;
  municipality?: string | null;
};

function text(field: string, value: TextInput, limit: number, required: boolean): LocalisedText {
  const result: LocalisedText = {};
  for (const language of ['fi', 'sv', 'en'] as const) {
    const entry = value?.[language]?.trim();
    if (!entry) continue;
    if (entry.length > limit) throw badUserInput(`${field}.${language} is ${entry.length} characters; at most ${limit} are allowed.`, `${field}.${language}`);
    result[language] = entry;
  }
  if (required && Object.keys(result).length === 0) throw badUserInput(`${field} needs a text in at least one of fi, sv, en.`, field);
  return result;
}

function codes(
  field: string,
  list: 'lifeEvent' | 'serviceClass' | 'targetGroup' | 'municipality',
  values: string[] | null | undefined,
  catalogue: CodeCatalogue,
): string[] {
  const unique = [...new Set(values ?? [])];
  unique.forEach((code, index) => {
    if (!catalogue.get(list, code))
      throw badUserInput(`${field}[${index}]: "${code}" is not a known code; the query of the same name lists them.`, `${field}[${index}]`);
  });
  return unique.sort();
}

function url(field: string, value: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw badUserInput(`${field}: "${value.slice(0, 100)}" is not a web address.`, field);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw badUserInput(`${field} must be an http(s) address.`, field);
  return parsed.toString();
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The directory's write side for providers: publish, update and archive services and channels.
 * Every call needs a provider token with the `services:write` scope; a provider changes only what
 * belongs to the organisation its token names. Input is checked field by field, and nothing is
 * written unless all of it is valid.
 */
export class Publishing {
  constructor(
    private readonly directory: Directory,
    private readonly verifier: ProviderTokenVerifier,
  ) {}

  private async provider(context: DirectoryContext): Promise<ProviderClaims> {
    const claims = await this.verifier.verify(context.authorization);
    requireScope(claims, PUBLISH_SCOPE);
    const organisation = await context.loaders.organisation.load(claims.organisation);
    if (!organisation) {
      throw codedError(ErrorCode.FORBIDDEN, `The organisation ${claims.organisation} named in the provider token is not in the directory.`);
    }
    return claims;
  }

  private async ownService(id: string, claims: ProviderClaims, context: DirectoryContext): Promise<ServiceDocument> {
    const service = await context.loaders.service.load(id);
    if (!service) throw codedError(ErrorCode.NOT_FOUND, `There is no service ${id}.`);
    if (service.providerId !== claims.organisation) {
      throw codedError(ErrorCode.FORBIDDEN, `Service ${id} belongs to another organisation; a provider can change only its own services.`);
    }
    return service;
  }

  private async ownChannel(id: string, claims: ProviderClaims, context: DirectoryContext): Promise<ChannelDocument> {
    const channel = await context.loaders.channel.load(id);
    if (!channel) throw codedError(ErrorCode.NOT_FOUND, `There is no service channel ${id}.`);
    if (channel.organisationId !== claims.organisation) {
      throw codedError(ErrorCode.FORBIDDEN, `Service channel ${id} belongs to another organisation; a provider can change only its own channels.`);
    }
    return channel;
  }

  private async serviceFields(input: ServiceInput, current: ServiceDocument | null, claims: ProviderClaims): Promise<Partial<ServiceDocument>> {
    const catalogue = this.directory.codes;
    const fields: Partial<ServiceDocument> = {};
    if (!current || input.name !== undefined) {
      fields.name = text('input.name', input.name, LIMITS.name, true);
      fields.sortName = sortKey(fields.name.fi ?? fields.name.sv ?? fields.name.en ?? '');
    }
    if (!current || input.summary !== undefined) fields.summary = text('input.summary', input.summary, LIMITS.summary, false);
    if (!current || input.description !== undefined) fields.description = text('input.description', input.description, LIMITS.description, false);
    if (input.lifeEvents !== undefined || !current) fields.lifeEvents = codes('input.lifeEvents', 'lifeEvent', input.lifeEvents, catalogue);
    if (input.serviceClasses !== undefined || !current) fields.serviceClasses = codes('input.serviceClasses', 'serviceClass', input.serviceClasses, catalogue);
    if (input.targetGroups !== undefined || !current) fields.targetGroups = codes('input.targetGroups', 'targetGroup', input.targetGroups, catalogue);
    if (input.areaType !== undefined || input.areas !== undefined || !current) {
      const areaType = input.areaType ?? (current?.coverage === 'NATIONWIDE' ? 'NATIONWIDE' : 'MUNICIPALITIES');
      const areas = codes('input.areas', 'municipality', input.areas ?? (input.areaType ? [] : current?.municipalities), catalogue);
      if (areaType === 'MUNICIPALITIES' && areas.length === 0)
        throw badUserInput('input.areas must list at least one municipality when areaType is MUNICIPALITIES.', 'input.areas');
      if (areaType === 'NATIONWIDE' && areas.length > 0) throw badUserInput('input.areas must be empty for a NATIONWIDE service.', 'input.areas');
      fields.coverage = areaType === 'NATIONWIDE' ? 'NATIONWIDE' : 'LOCAL';
      fields.municipalities = areas;
    }
    if (input.languages !== undefined || !current) fields.languages = [...new Set(input.languages ?? [])];
    if (input.fundingType !== undefined || !current) fields.fundingType = input.fundingType ?? null;
    if (input.chargeType !== undefined || !current) fields.chargeType = input.chargeType ?? null;
    if (input.keywords !== undefined || !current) {
      const keywords = (input.keywords ?? []).map((keyword) => keyword.trim()).filter(Boolean);
      keywords.forEach((keyword, index) => {
        if (keyword.length > LIMITS.keyword)
          throw badUserInput(`input.keywords[${index}] is longer than ${LIMITS.keyword} characters.`, `input.keywords[${index}]`);
      });
      fields.keywords = keywords;
    }
    if (input.channels !== undefined || !current) {
      const ids = [...new Set(input.channels ?? [])];
      const channels = ids.length > 0 ? await this.directory.repository.channelsByIds(ids) : [];
      ids.forEach((id, index) => {
        const channel = channels.find((candidate) => candidate._id === id);
        if (!channel || channel.status === 'ARCHIVED')
          throw badUserInput(`input.channels[${index}]: there is no active channel ${id}.`, `input.channels[${index}]`);
        if (channel.organisationId !== claims.organisation) {
          throw codedError(ErrorCode.FORBIDDEN, `input.channels[${index}]: channel ${id} belongs to another organisation.`, {
            field: `input.channels[${index}]`,
          });
        }
      });
      fields.channelIds = ids.sort();
      fields.channelKinds = [...new Set(channels.map((channel) => channel.kind))].sort();
    }
    return fields;
  }

  async publishService(input: ServiceInput, context: DirectoryContext): Promise<ServiceDocument> {
    const claims = await this.provider(context);
    const service: ServiceDocument = {
      _id: randomUUID(),
      name: {},
      summary: {},
      description: {},
      sortName: '',
      providerId: claims.organisation,
      lifeEvents: [],
      serviceClasses: [],
      targetGroups: [],
      coverage: 'NATIONWIDE',
      municipalities: [],
      languages: [],
      channelIds: [],
      wellbeingDimensions: [],
      fundingType: null,
      chargeType: null,
      access: 'OPEN',
      origin: 'PROVIDER',
      generalDescriptionCode: null,
      status: 'ACTIVE',
      modified: new Date().toISOString(),
      channelKinds: [],
      ontologyConcepts: [],
      keywords: [],
      ...(await this.serviceFields(input, null, claims)),
    };
    await this.directory.saveService(service);
    return service;
  }

  async updateService(id: string, input: ServiceInput, context: DirectoryContext): Promise<ServiceDocument> {
    const claims = await this.provider(context);
    const current = await this.ownService(id, claims, context);
    const next: ServiceDocument = { ...current, ...(await this.serviceFields(input, current, claims)), modified: new Date().toISOString() };
    await this.directory.saveService(next);
    return next;
  }

  async archiveService(id: string, context: DirectoryContext): Promise<ServiceDocument> {
    const claims = await this.provider(context);
    const current = await this.ownService(id, claims, context);
    const next: ServiceDocument = { ...current, status: 'ARCHIVED', modified: new Date().toISOString() };
    await this.directory.saveService(next);
    return next;
  }

  private channelFields(input: ChannelInput, current: ChannelDocument | null): Partial<ChannelDocument> {
    const fields: Partial<ChannelDocument> = {};
    const set = <K extends keyof ChannelInput>(key: K) => !current || input[key] !== undefined;
    if (set('name')) fields.name = text('input.name', input.name, LIMITS.name, true);
    if (set('description')) fields.description = text('input.description', input.description, LIMITS.description, false);
    if (set('languages')) fields.languages = [...new Set(input.languages ?? [])];
    if (set('url')) fields.url = input.url ? url('input.url', input.url) : null;
    if (set('phoneNumbers')) {
      fields.phoneNumbers = (input.phoneNumbers ?? []).map((phone, index): PhoneNumber => {
        const number = phone.number.trim();
        if (!/^\+?[0-9 ()-]{3,30}$/.test(number))
          throw badUserInput(`input.phoneNumbers[${index}].number "${number}" is not a phone number.`, `input.phoneNumbers[${index}].number`);
        return { number, description: phone.description?.trim() || null, chargeInfo: phone.chargeInfo?.trim() || null };
      });
    }
    if (set('emails')) {
      fields.emails = (input.emails ?? []).map((email, index) => {
        if (!EMAIL.test(email.trim())) throw badUserInput(`input.emails[${index}] "${email}" is not an e-mail address.`, `input.emails[${index}]`);
        return email.trim();
      });
    }
    const links = (key: 'webPages' | 'forms') =>
      (input[key] ?? []).map((link, index): WebLink => ({ url: url(`input.${key}[${index}].url`, link.url), name: link.name?.trim() || null }));
    if (set('webPages')) fields.webPages = links('webPages');
    if (set('forms')) fields.forms = links('forms');
    if (set('serviceHours')) {
      fields.serviceHours = (input.serviceHours ?? []).map((hours, index): ServiceHour => {
        const at = `input.serviceHours[${index}]`;
        if (hours.days.some((day) => !Number.isInteger(day) || day < 1 || day > 7))
          throw badUserInput(`${at}.days must be weekdays 1 (Monday) to 7 (Sunday).`, `${at}.days`);
        for (const key of ['opens', 'closes'] as const) {
          if (hours[key] && !TIME.test(hours[key] as string)) throw badUserInput(`${at}.${key} must be a time HH:MM.`, `${at}.${key}`);
        }
        for (const key of ['validFrom', 'validTo'] as const) {
          if (hours[key] && !DATE.test(hours[key] as string)) throw badUserInput(`${at}.${key} must be a date YYYY-MM-DD.`, `${at}.${key}`);
        }
        return {
          type: hours.type ?? 'STANDARD',
          validFrom: hours.validFrom ?? null,
          validTo: hours.validTo ?? null,
          isClosed: hours.isClosed ?? false,
          days: [...new Set(hours.days)].sort(),
          opens: hours.opens ?? null,
          closes: hours.closes ?? null,
          info: hours.info?.trim() || null,
        };
      });
    }
    const addresses = (key: 'visitingAddresses' | 'postalAddresses') =>
      (input[key] ?? []).map((address, index): Address => {
        const municipality = address.municipality ?? null;
        if (municipality && !this.directory.codes.get('municipality', municipality)) {
          throw badUserInput(`input.${key}[${index}].municipality: "${municipality}" is not a municipality code.`, `input.${key}[${index}].municipality`);
        }
        return {
          street: address.street?.trim() || null,
          postalCode: address.postalCode?.trim() || null,
          postOffice: address.postOffice?.trim() || null,
          postOfficeBox: address.postOfficeBox?.trim() || null,
          municipality,
        };
      });
    if (set('visitingAddresses')) fields.visitingAddresses = addresses('visitingAddresses');
    if (set('postalAddresses')) fields.postalAddresses = addresses('postalAddresses');
    if (set('requiresAuthentication')) fields.requiresAuthentication = input.requiresAuthentication ?? null;
    if (set('requiresSignature')) fields.requiresSignature = input.requiresSignature ?? null;
    return fields;
  }

  async publishChannel(input: ChannelInput & { kind: ChannelKind }, context: DirectoryContext): Promise<ChannelDocument> {
    const claims = await this.provider(context);
    const fields = this.channelFields(input, null);
    if (input.kind === 'SERVICE_LOCATION' && (fields.visitingAddresses ?? []).length === 0) {
      throw badUserInput('input.visitingAddresses needs at least one address for a SERVICE_LOCATION channel.', 'input.visitingAddresses');
    }
    if ((input.kind === 'ELECTRONIC' || input.kind === 'WEB_PAGE') && !fields.url)
      throw badUserInput(`input.url is required for a ${input.kind} channel.`, 'input.url');
    if (input.kind === 'PHONE' && (fields.phoneNumbers ?? []).length === 0)
      throw badUserInput('input.phoneNumbers needs a number for a PHONE channel.', 'input.phoneNumbers');
    const channel = {
      _id: randomUUID(),
      kind: input.kind,
      organisationId: claims.organisation,
      status: 'ACTIVE',
      modified: new Date().toISOString(),
      ...fields,
    } as ChannelDocument;
    await this.directory.saveChannel(channel);
    return channel;
  }

  async updateChannel(id: string, input: ChannelInput, context: DirectoryContext): Promise<ChannelDocument> {
    const claims = await this.provider(context);
    const current = await this.ownChannel(id, claims, context);
    const next: ChannelDocument = { ...current, ...this.channelFields(input, current), modified: new Date().toISOString() };
    await this.directory.saveChannel(next);
    return next;
  }

  async archiveChannel(id: string, context: DirectoryContext): Promise<ChannelDocument> {
    const claims = await this.provider(context);
    const current = await this.ownChannel(id, claims, context);
    const next: ChannelDocument = { ...current, status: 'ARCHIVED', modified: new Date().toISOString() };
    await this.directory.saveChannel(next);
    return next;
  }
}
