import type { ServiceDocument } from '../model';
import type { CodeIndex } from './codelists';
import { isArray, readJson } from './read-source';
import { firstName, fromLanguageList, sortKey } from './text';

type LanguageList = { Lang: string; Label: string | null }[];
type KeyList = { Key: string; Value?: string }[] | null;

interface GeneralDescription {
  Id: string;
  ReferenceCode: string | null;
  Name: LanguageList;
  ShortDescription: LanguageList;
  Description: LanguageList;
  BackgroundDescription: LanguageList;
  ChargeType: string | null;
  ServiceClass: KeyList;
  TargetGroup: KeyList;
  LifeEvent: KeyList;
  OntologyTerm: KeyList;
}

/** The PTV 3.4 release's date (the source commit): the records' modification time. */
export const PTV_RELEASE_DATE = '2022-06-01T00:00:00.000Z';

function codes(index: CodeIndex, list: 'serviceClass' | 'targetGroup' | 'lifeEvent', keys: KeyList): string[] {
  const result = new Set<string>();
  for (const key of keys ?? []) {
    const code = index.fromOldUri(list, key.Key) ?? (key.Value ? index.fromFinnishLabel(list, key.Value) : undefined);
    if (code) result.add(code);
  }
  return [...result].sort();
}

/**
 * PTV general descriptions: the national templates of statutory services (for example SOTE-0016,
 * children's service guidance), in up to three languages. They are nationwide and name no
 * provider; the codes they carry use PTV's old URNs, mapped here to today's codes.
 */
export function readGeneralDescriptions(root: string, index: CodeIndex): ServiceDocument[] {
  const descriptions = readJson<GeneralDescription[]>(root, 'general_descriptions/general_descriptions_gd.json', isArray);
  return descriptions
    .filter((description) => typeof description.Id === 'string')
    .map((description) => {
      const name = fromLanguageList(description.Name);
      const longText = fromLanguageList(description.Description);
      return {
        _id: description.Id.toLowerCase(),
        name,
        summary: fromLanguageList(description.ShortDescription),
        description: Object.keys(longText).length > 0 ? longText : fromLanguageList(description.BackgroundDescription),
        sortName: sortKey(firstName(name)),
        providerId: null,
        lifeEvents: codes(index, 'lifeEvent', description.LifeEvent),
        serviceClasses: codes(index, 'serviceClass', description.ServiceClass),
        targetGroups: codes(index, 'targetGroup', description.TargetGroup),
        coverage: 'NATIONWIDE' as const,
        municipalities: [],
        languages: [],
        channelIds: [],
        wellbeingDimensions: [],
        fundingType: null,
        chargeType: description.ChargeType === 'Free' ? ('FREE' as const) : description.ChargeType === 'Charged' ? ('CHARGED' as const) : null,
        access: 'OPEN' as const,
        origin: 'GENERAL_DESCRIPTION' as const,
        generalDescriptionCode: description.ReferenceCode ?? null,
        status: 'ACTIVE' as const,
        modified: PTV_RELEASE_DATE,
        channelKinds: [],
        ontologyConcepts: [...new Set((description.OntologyTerm ?? []).map((term) => term.Key).filter((key) => key.startsWith('http')))].sort(),
        keywords: [],
      };
    })
    .filter((service) => service.sortName !== '');
}
