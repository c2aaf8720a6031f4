import { MUNICIPALITIES } from '@aurora/code-lists';

/** Finnish case endings a place name takes ("Mikkelissä", "Turusta", "Helsinkiin", "Ouluun"). */
const ENDINGS = [
  '',
  'n',
  'ssa',
  'ssä',
  'sta',
  'stä',
  'lla',
  'llä',
  'lta',
  'ltä',
  'lle',
  'ksi',
  'na',
  'nä',
  'an',
  'en',
  'in',
  'on',
  'un',
  'yn',
  'än',
  'ön',
  'hin',
  'seen',
];

/**
 * Weak grades of Finnish consonant gradation, for the consonants before a name's last vowel:
 * Turku → Turussa, Helsinki → Helsingissä, Lahti → Lahdessa, Kotka → Kotkassa (no change).
 */
const GRADATION: [RegExp, string][] = [
  [/nk([aeiouyäö])$/, 'ng$1'],
  [/kk([aeiouyäö])$/, 'k$1'],
  [/pp([aeiouyäö])$/, 'p$1'],
  [/tt([aeiouyäö])$/, 't$1'],
  [/nt([aeiouyäö])$/, 'nn$1'],
  [/lt([aeiouyäö])$/, 'll$1'],
  [/rt([aeiouyäö])$/, 'rr$1'],
  [/mp([aeiouyäö])$/, 'mm$1'],
  [/ht([aeiouyäö])$/, 'hd$1'],
  [/([rl])k([aeiouyäö])$/, '$1$2'],
  [/([aeiouyäö])t([aeiouyäö])$/, '$1d$2'],
];

function stems(name: string): string[] {
  const lower = name.toLowerCase();
  const result = new Set([lower]);
  for (const [pattern, replacement] of GRADATION) if (pattern.test(lower)) result.add(lower.replace(pattern, replacement));
  // -i names take -e- before most endings (Lahti → Lahde-), -e names double it (Tampere → Tamperee-),
  // and -ki loses its k (Seinäjoki → Seinäjoe-).
  for (const stem of [...result]) {
    if (/[^aeiouyäö]i$/.test(stem)) result.add(`${stem.slice(0, -1)}e`);
    if (/[^aeiouyäö]e$/.test(stem)) result.add(`${stem}e`);
    if (/[aeiouyäö]ki$/.test(stem)) result.add(`${stem.slice(0, -2)}e`);
  }
  return [...result];
}

interface Form {
  code: string;
  words: string[];
}

/** Every form of every municipality name (Finnish inflected, Swedish and English as written), by first word. */
const FORMS = new Map<string, Form[]>();
for (const municipality of MUNICIPALITIES) {
  const names = new Set(Object.values(municipality.name).filter((name): name is string => !!name));
  for (const name of names) {
    const words = name.toLowerCase().split(/\s+/);
    const last = words[words.length - 1] as string;
    const forms = new Set<string>();
    for (const stem of stems(last)) for (const ending of ENDINGS) forms.add(stem + ending);
    for (const form of forms) {
      const all = [...words.slice(0, -1), form];
      const list = FORMS.get(all[0] as string) ?? [];
      list.push({ code: municipality.code, words: all });
      FORMS.set(all[0] as string, list);
    }
  }
}

const WORD = /[\p{L}:.'-]+/gu;

/** The municipality a message names, in any of its forms ("Mikkelissä", "i Åbo", "in Turku"), or null. */
export function findMunicipality(text: string): string | null {
  const words = (text.toLowerCase().match(WORD) ?? []).map((word) => word.replace(/[.'-]+$/, ''));
  for (let i = 0; i < words.length; i += 1) {
    for (const form of FORMS.get(words[i] as string) ?? []) {
      if (form.words.every((word, offset) => words[i + offset] === word)) return form.code;
    }
  }
  return null;
}

const AGE_PATTERNS = [
  /\b(\d{1,3})\s*(?:-?\s*)(?:v\b|vuotias|vuotta|vuoden|år|års|years?|yrs?|y\/o)/i,
  /\b(?:olen|minä olen|jag är|i am|i'm|im|age|ikä|ikäni|ålder)\s+(\d{1,3})\b/i,
];

/** An age the message states ("olen 17", "jag är 45 år", "I'm 30", "23-vuotias"); a bare number when one is asked for. */
export function findAge(text: string, asked = false): number | null {
  for (const pattern of AGE_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return plausible(Number(match[1]));
  }
  if (asked) {
    const bare = /^\s*(\d{1,3})\s*[.!]?\s*$/.exec(text);
    if (bare) return plausible(Number(bare[1]));
  }
  return null;
}

const plausible = (age: number) => (Number.isInteger(age) && age >= 0 && age <= 130 ? age : null);
