import type { Language, LocalisedText } from '@aurora/subgraph-kit';

/** The key service and organisation lists are ordered by: lower-cased, spaces folded. */
export function sortKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

export function firstName(text: LocalisedText): string {
  return text.fi ?? text.sv ?? text.en ?? '';
}

/** PTV's `[{ Lang, Label }]` list as a localised text, dropping empty labels. */
export function fromLanguageList(list: { Lang: string; Label: string | null }[] | null | undefined): LocalisedText {
  const result: LocalisedText = {};
  for (const entry of list ?? []) {
    const key = entry.Lang?.toLowerCase();
    const label = entry.Label ? plainText(entry.Label) : '';
    if ((key === 'fi' || key === 'sv' || key === 'en') && label) result[key] = label;
  }
  return result;
}

/** PTV stores long texts as Draft.js documents in a JSON string; this returns their plain text. */
export function plainText(value: string): string {
  const trimmed = value.trim();
  if (trimmed.startsWith('{') && trimmed.includes('"blocks"')) {
    try {
      const document = JSON.parse(trimmed) as { blocks?: { text?: string }[] };
      return (document.blocks ?? [])
        .map((block) => block.text ?? '')
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim();
    } catch {
      return trimmed;
    }
  }
  return trimmed;
}

const LANGUAGE_CODES: Record<string, Language> = { fi: 'FI', sv: 'SV', en: 'EN' };

export function languagesOf(codes: string[] | null | undefined): Language[] {
  const languages = new Set<Language>();
  for (const code of codes ?? []) {
    const language = LANGUAGE_CODES[code.toLowerCase()];
    if (language) languages.add(language);
  }
  return (['FI', 'SV', 'EN'] as const).filter((language) => languages.has(language));
}
