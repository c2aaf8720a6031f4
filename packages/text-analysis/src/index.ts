export { analyse, isStopword, tokenize, TEXT_LANGUAGES, type TextLanguage } from './stems';
export { analyseTerms, Decompounder, Vocabulary } from './compounds';
export { EverydayWords, finnishForms } from './everyday';
export { genericStems, isForBusinesses, mentionsBusiness } from './business';
