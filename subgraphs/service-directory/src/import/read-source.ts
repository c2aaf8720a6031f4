import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';

/** The catalogue data shipped with the service directory (see data/ptv/README.md). */
export const DEFAULT_DATA_ROOT = path.resolve(__dirname, '..', '..', 'data', 'ptv');

/** A source file that cannot be read: the message names it, and nothing has been imported. */
export class SourceDataError extends Error {
  constructor(file: string, detail: string) {
    super(`Catalogue data file ${file} cannot be read (${detail}). Nothing was imported; restore the file and start again.`);
    this.name = 'SourceDataError';
  }
}

function read(file: string, encoding: 'utf8' | 'windows-1252' = 'utf8'): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new SourceDataError(file, (error as NodeJS.ErrnoException).code ?? 'unreadable');
  }
  return new TextDecoder(encoding).decode(bytes).replace(/^\uFEFF/, '');
}

export function readJson<T>(root: string, relative: string, check: (value: unknown) => boolean): T {
  const file = path.join(root, relative);
  let value: unknown;
  try {
    value = JSON.parse(read(file));
  } catch (error) {
    if (error instanceof SourceDataError) throw error;
    throw new SourceDataError(file, `not valid JSON: ${(error as Error).message}`);
  }
  if (!check(value)) throw new SourceDataError(file, 'not in the expected shape');
  return value as T;
}

export function readCsv(
  root: string,
  relative: string,
  options: { delimiter?: string; encoding?: 'utf8' | 'windows-1252'; headerPrefix?: string; requiredColumns: string[] },
): Record<string, string>[] {
  const file = path.join(root, relative);
  let rows: Record<string, string>[];
  try {
    let content = read(file, options.encoding);
    // Some correspondence tables carry title lines above the header row.
    if (options.headerPrefix) content = content.slice(Math.max(0, content.indexOf(options.headerPrefix)));
    rows = parseCsv(content, {
      columns: true,
      delimiter: options.delimiter ?? ',',
      skip_empty_lines: true,
      relax_column_count: true,
    }) as Record<string, string>[];
  } catch (error) {
    if (error instanceof SourceDataError) throw error;
    throw new SourceDataError(file, `not valid CSV: ${(error as Error).message}`);
  }
  const first = rows[0];
  const missing = first ? options.requiredColumns.filter((column) => !(column in first)) : options.requiredColumns;
  if (missing.length > 0) throw new SourceDataError(file, `missing column(s) ${missing.join(', ')}`);
  return rows;
}

export const isArray = (value: unknown): boolean => Array.isArray(value);
