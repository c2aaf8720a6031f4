// The stemmer and stop-word packages ship no type declarations; these are the parts used here.
declare module 'snowball-stemmers' {
  export function newStemmer(language: string): { stem(word: string): string };
}

declare module 'stopword' {
  export const eng: string[];
  export const fin: string[];
  export const swe: string[];
}
