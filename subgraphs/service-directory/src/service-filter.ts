import type { Language } from '@aurora/subgraph-kit';
import type { Filter } from '@aurora/store';
import type { CodeCatalogue } from './code-catalogue';

export interface ServiceFilterInput {
  lifeEvents?: string[] | null;
  serviceClasses?: string[] | null;
  targetGroups?: string[] | null;
  municipalities?: string[] | null;
  organisations?: string[] | null;
  languages?: Language[] | null;
}

/** Turns a ServiceFilter into a store query; codes are checked and widened to their sub-codes. */
export function serviceQuery(input: ServiceFilterInput | null | undefined, codes: CodeCatalogue): Filter {
  const conditions: Filter[] = [];
  if (input?.lifeEvents?.length) conditions.push({ lifeEvents: { $in: codes.expand('lifeEvent', input.lifeEvents) } });
  if (input?.serviceClasses?.length) conditions.push({ serviceClasses: { $in: codes.expand('serviceClass', input.serviceClasses) } });
  if (input?.targetGroups?.length) conditions.push({ targetGroups: { $in: codes.expand('targetGroup', input.targetGroups) } });
  if (input?.municipalities?.length) {
    const municipalities = codes.expand('municipality', input.municipalities);
    conditions.push({ $or: [{ coverage: 'NATIONWIDE' }, { municipalities: { $in: municipalities } }] });
  }
  if (input?.organisations?.length) conditions.push({ providerId: { $in: input.organisations } });
  if (input?.languages?.length) conditions.push({ languages: { $in: input.languages } });
  if (conditions.length === 0) return {};
  return conditions.length === 1 ? (conditions[0] as Filter) : { $and: conditions };
}
