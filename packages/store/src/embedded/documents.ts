import { randomUUID } from 'node:crypto';
import { update as applyModifier } from 'mingo';
import { StoreError } from '../errors';
import type { Filter, IndexSpec, StoredDocument, UpdateFilter } from '../types';

/** Copies a document so that callers never share objects with the store. */
export function cloneDocument<T>(document: T): T {
  return structuredClone(document);
}

export function withId<T extends StoredDocument>(document: T): T {
  if (document._id === undefined || document._id === null) {
    return { ...document, _id: randomUUID() };
  }
  if (typeof document._id !== 'string') {
    throw new StoreError('INVALID_OPERATION', 'Document _id must be a string.');
  }
  return document;
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).some((key) => key.startsWith('$'));
}

/** The equality fields of a filter: what an upsert copies into the document it creates. */
export function equalityFields(filter: Filter): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key.startsWith('$')) continue;
    if (!isOperatorObject(value)) fields[key] = value;
    else if ('$eq' in value) fields[key] = value.$eq;
  }
  return fields;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1] as string] = value;
}

/** Applies a MongoDB update document to a copy of `document`, with MongoDB's semantics. */
export function applyUpdate<T extends StoredDocument>(document: T, update: UpdateFilter, inserting: boolean): T {
  const keys = Object.keys(update);
  if (keys.length === 0 || keys.some((key) => !key.startsWith('$'))) {
    throw new StoreError('INVALID_OPERATION', 'An update document must contain only update operators such as $set.');
  }
  const { $setOnInsert, ...modifier } = update;
  const next = cloneDocument(document);
  if (Object.keys(modifier).length > 0) applyModifier(next, modifier);
  if (inserting && $setOnInsert && typeof $setOnInsert === 'object') {
    for (const [path, value] of Object.entries($setOnInsert as Record<string, unknown>)) setPath(next, path, value);
  }
  if (next._id !== document._id) {
    throw new StoreError('INVALID_OPERATION', "An update must not change a document's _id.");
  }
  return next;
}

/** Builds the document an upsert inserts: the filter's equality fields, then the update. */
export function upsertDocument<T extends StoredDocument>(filter: Filter, update: UpdateFilter): T {
  const seed = withId(cloneDocument(equalityFields(filter)) as T);
  return applyUpdate(seed, update, true);
}

function readPath(document: StoredDocument, path: string): unknown {
  let node: unknown = document;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** The value a unique index compares, or undefined when the document lacks every indexed field. */
export function uniqueKey(index: IndexSpec, document: StoredDocument): string | undefined {
  const values = Object.keys(index.key).map((path) => readPath(document, path));
  if (values.every((value) => value === undefined)) return undefined;
  return JSON.stringify(values);
}

export function indexName(index: IndexSpec): string {
  return (
    index.name ??
    Object.entries(index.key)
      .map(([path, dir]) => `${path}_${dir}`)
      .join('_')
  );
}
