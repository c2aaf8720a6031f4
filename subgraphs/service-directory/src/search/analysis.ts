// The network's shared text analysis: the recommendation engine reads text the same way.
export { analyse, isStopword, tokenize, TEXT_LANGUAGES, type TextLanguage } from '@aurora/text-analysis';
