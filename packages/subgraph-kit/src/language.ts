/** The network's languages, as the `Language` enum of the supergraph names them. */
export type Language = 'FI' | 'SV' | 'EN';

export const LANGUAGES: readonly Language[] = ['FI', 'SV', 'EN'];

/** A text in up to three languages, as stored: `{ fi, sv, en }`. */
export interface LocalisedText {
  fi?: string;
  sv?: string;
  en?: string;
}

const KEY: Record<Language, keyof LocalisedText> = { FI: 'fi', SV: 'sv', EN: 'en' };

/**
 * The text in the asked language, falling back fi → sv → en when that translation is missing,
 * or null when there is no text at all.
 */
export function localise(text: LocalisedText | undefined, language: Language = 'FI'): string | null {
  if (!text) return null;
  for (const candidate of [language, 'FI', 'SV', 'EN'] as const) {
    const value = text[KEY[candidate]];
    if (value && value.trim() !== '') return value;
  }
  return null;
}
