import { analyse, TEXT_LANGUAGES, tokenize, type TextLanguage } from './stems';

/** A service name that says the service is for companies, employers or organisations rather than people. */
const BUSINESS_NAME = /yritys|yrityk|yrittäj|elinkeino|työnantaj|företag|arbetsgivar|\bcompan|\bbusiness|employer/i;

const BUSINESS_WORDS: Record<TextLanguage, string[]> = {
  fi: ['yritys', 'yrittäjä', 'yhtiö', 'työnantaja', 'elinkeino', 'liiketoiminta', 'firma', 'toiminimi'],
  sv: ['företag', 'företagare', 'arbetsgivare', 'bolag', 'näringsidkare'],
  en: ['company', 'business', 'employer', 'firm', 'entrepreneur', 'startup'],
};
let stems: Record<TextLanguage, Set<string>> | undefined;

/** A summary that says whom it serves, when that is a company ("lainaa yrityksen rahoitustarpeisiin", "vakuutus vientiyritykselle"). */
const BUSINESS_SUMMARY =
  /\b(yrityksen|yritysten|yrityksille|yrityksesi|yrityksellesi|yrityksiä|pk-yrity\w*|vientiyrity\w*|yrittäjille|yrittäjän|företagets|företagen|företag|compan(y|ies)|businesses)\b/i;
/** …unless it also names people as those served: "kansalaisille ja yrityksille", "kuluttajan ja yrityksen". */
const PEOPLE_IN_SUMMARY =
  /kansalai|asukka|yksityis|kuluttaj|kotitalou|henkilö(?!stö)|kuntalai|perhe|myyjä|citizen|resident|consumer|individual|private person|household|medborgare|invånare|privatperson|konsument|hushåll/i;
/** How much of a summary says whom the service is for: its opening. */
const SUMMARY_OPENING = 200;

/**
 * Whether a service is for businesses: its target groups are all companies and organisations
 * (PTV KR2…), or, where it has none, its name says so, or its summary names a company as the one
 * served and no person beside it (Finnvera's "Takaukset": "omavelkaisia takauksia vakuudeksi
 * yrityksen rahoitustarpeisiin").
 */
export function isForBusinesses(
  name: Partial<Record<TextLanguage, string | null>>,
  targetGroups: readonly string[],
  summary: Partial<Record<TextLanguage, string | null>> = {},
): boolean {
  if (targetGroups.length > 0) return targetGroups.every((code) => code.startsWith('KR2'));
  if (BUSINESS_NAME.test(`${name.fi ?? ''} ${name.sv ?? ''} ${name.en ?? ''}`)) return true;
  const opening = (summary.fi ?? summary.sv ?? summary.en ?? '').slice(0, SUMMARY_OPENING);
  return BUSINESS_SUMMARY.test(opening) && !PEOPLE_IN_SUMMARY.test(opening);
}

/** Whether a text is about a business (a company, an employer, an entrepreneur), in any of the three languages. */
export function mentionsBusiness(
  text: string,
  expand: (word: string, language: TextLanguage) => string[] = (word, language) => [analyse(word, language) ?? ''],
): boolean {
  stems ??= Object.fromEntries(
    TEXT_LANGUAGES.map((language) => [
      language,
      new Set(BUSINESS_WORDS[language].map((word) => analyse(word, language)).filter((stem): stem is string => !!stem)),
    ]),
  ) as Record<TextLanguage, Set<string>>;
  const known = stems;
  return tokenize(text).some((word) => TEXT_LANGUAGES.some((language) => expand(word, language).some((term) => known[language].has(term))));
}

/**
 * Words that name a kind of action or help rather than the need ("… hakeminen", "palvelu", "tuki",
 * "neuvonta", "application", "service"): beside a specific word they say little about what is needed.
 */
const GENERIC_WORDS: Record<TextLanguage, string[]> = {
  fi: ['hakeminen', 'haku', 'hakemus', 'hakea', 'palvelu', 'palvelut', 'tuki', 'neuvonta', 'ohjaus', 'ilmoitus', 'apu', 'tieto', 'asia', 'asiat', 'asioissa'],
  sv: ['ansökan', 'ansöka', 'tjänst', 'tjänster', 'stöd', 'rådgivning', 'hjälp', 'information', 'anmälan'],
  en: ['application', 'apply', 'service', 'services', 'support', 'advice', 'help', 'information', 'notice'],
};
let generic: Record<TextLanguage, Set<string>> | undefined;

/** The stems of the generic words, per language. */
export function genericStems(): Record<TextLanguage, Set<string>> {
  generic ??= Object.fromEntries(
    TEXT_LANGUAGES.map((language) => [
      language,
      new Set(GENERIC_WORDS[language].map((word) => analyse(word, language)).filter((stem): stem is string => !!stem)),
    ]),
  ) as Record<TextLanguage, Set<string>>;
  return generic;
}
