// The network's shared text analysis: the recommendation engine reads text the same way.
export {
  analyse,
  analyseTerms,
  Decompounder,
  EverydayWords,
  genericStems,
  isForBusinesses,
  isStopword,
  mentionsBusiness,
  tokenize,
  TEXT_LANGUAGES,
  Vocabulary,
  type TextLanguage,
} from '@aurora/text-analysis';
