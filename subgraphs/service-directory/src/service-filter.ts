import type { Filter } from '@aurora/store';
import { badUserInput } from '@aurora/subgraph-kit';
import type { Language } from '@aurora/subgraph-kit';
import type { CodeCatalogue } from './code-catalogue';
import type { ChannelKind } from './model';

export interface ServiceFilterInput {
  text?: string | null;
  language?: Language | null;
  lifeEvents?: string[] | null;
  serviceClasses?: string[] | null;
  targetGroups?: string[] | null;
  municipalities?: string[] | null;
  regions?: string[] | null;
  wellbeingServiceCounties?: string[] | null;
  organisations?: string[] | null;
  languages?: Language[] | null;
  channelKinds?: ChannelKind[] | null;
  fundingTypes?: ('PUBLICLY_FUNDED' | 'MARKET_FUNDED')[] | null;
  includeArchived?: boolean | null;
  modifiedSince?: string | null;
}

/**
 * Turns a ServiceFilter (all but its text) into a MongoDB query document: codes are checked and
 * widened to their sub-codes; regions and wellbeing services counties become their
 * municipalities; an area condition keeps nationwide services and local services offered there.
 * The store evaluates it for listings, the search index for searches.
 */
export function serviceQuery(input: ServiceFilterInput | null | undefined, codes: CodeCatalogue): Filter {
  const conditions: Filter[] = [];
  if (!input?.includeArchived) conditions.push({ status: { $ne: 'ARCHIVED' } });
  if (input?.lifeEvents?.length) conditions.push({ lifeEvents: { $in: codes.expand('lifeEvent', input.lifeEvents) } });
  if (input?.serviceClasses?.length) conditions.push({ serviceClasses: { $in: codes.expand('serviceClass', input.serviceClasses) } });
  if (input?.targetGroups?.length) conditions.push({ targetGroups: { $in: codes.expand('targetGroup', input.targetGroups) } });
  const areaLists = [
    input?.municipalities?.length ? codes.expand('municipality', input.municipalities) : null,
    input?.regions?.length ? codes.municipalitiesIn('region', input.regions) : null,
    input?.wellbeingServiceCounties?.length ? codes.municipalitiesIn('wellbeingCounty', input.wellbeingServiceCounties) : null,
  ].filter((list): list is string[] => list !== null);
  for (const municipalities of areaLists) {
    conditions.push({ $or: [{ coverage: 'NATIONWIDE' }, { municipalities: { $in: municipalities } }] });
  }
  if (input?.organisations?.length) conditions.push({ providerId: { $in: input.organisations } });
  if (input?.languages?.length) conditions.push({ languages: { $in: input.languages } });
  if (input?.channelKinds?.length) conditions.push({ channelKinds: { $in: input.channelKinds } });
  if (input?.fundingTypes?.length) conditions.push({ fundingType: { $in: input.fundingTypes } });
  if (input?.modifiedSince != null) conditions.push({ modified: { $gte: isoTime(input.modifiedSince) } });
  if (conditions.length === 0) return {};
  return conditions.length === 1 ? (conditions[0] as Filter) : { $and: conditions };
}

/** An ISO 8601 time in the stored form (UTC, milliseconds), or a BAD_USER_INPUT error naming the field. */
function isoTime(value: string): string {
  const time = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) {
    throw badUserInput(`filter.modifiedSince must be an ISO 8601 time such as 2024-05-01T00:00:00Z; it was "${value.slice(0, 40)}".`, 'filter.modifiedSince');
  }
  return new Date(time).toISOString();
}
