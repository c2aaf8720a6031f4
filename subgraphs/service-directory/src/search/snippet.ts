import { analyse, type TextLanguage } from './analysis';

const WORD = /[\p{L}\p{N}]+/gu;
const WINDOW = 160;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[character] as string);
}

/**
 * A short passage of `text` around its first word that matched, with every matched word in the
 * passage wrapped in `<mark>` (the rest HTML-escaped), or null when no word of it matched.
 * A word matches when its stem is a matched term or begins with one (prefix search).
 */
export function snippet(text: string | undefined, terms: readonly string[], language: TextLanguage): string | null {
  if (!text || terms.length === 0) return null;
  const matches: { start: number; end: number }[] = [];
  for (const found of text.matchAll(WORD)) {
    const stem = analyse(found[0], language);
    if (stem && terms.some((term) => stem === term || stem.startsWith(term) || term.startsWith(stem))) {
      matches.push({ start: found.index ?? 0, end: (found.index ?? 0) + found[0].length });
    }
  }
  const first = matches[0];
  if (!first) return null;
  const from = Math.max(0, first.start - 40);
  const to = Math.min(text.length, from + WINDOW);
  let result = from > 0 ? '…' : '';
  let cursor = from;
  for (const match of matches.filter((candidate) => candidate.start >= from && candidate.end <= to)) {
    result += `${escapeHtml(text.slice(cursor, match.start))}<mark>${escapeHtml(text.slice(match.start, match.end))}</mark>`;
    cursor = match.end;
  }
  return result + escapeHtml(text.slice(cursor, to)) + (to < text.length ? '…' : '');
}
