import * as fs from 'node:fs';
import * as path from 'node:path';
import { upsertChanged, type UpsertCounts } from '@aurora/store';
import type { CodeCatalogue } from '../code-catalogue';
import type { ChannelDocument, ChannelKind, OrganisationDocument, ServiceDocument } from '../model';
import type { DirectoryRepository } from '../repository';
import { mapV11Record, RejectedRecord } from './ptv-v11';

export interface Rejection {
  /** `file` or `file #n` (the n-th record of the file, from 1). */
  source: string;
  reason: string;
}

export interface PtvImportReport {
  files: number;
  records: number;
  services: UpsertCounts;
  channels: UpsertCounts;
  organisations: UpsertCounts;
  rejected: Rejection[];
}

export interface Progress {
  phase: 'reading' | 'writing';
  done: number;
  total: number;
}

const BATCH = 500;

function jsonFiles(input: string): string[] {
  const stat = fs.statSync(input);
  if (stat.isFile()) return [input];
  return fs
    .readdirSync(input, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(input, entry.name);
      if (entry.isDirectory()) return jsonFiles(full);
      return entry.name.endsWith('.json') ? [full] : [];
    })
    .sort();
}

/** The records of a file: an array, a PTV list page (`itemList`), an `{ id: record }` map, or one record. */
function recordsOf(content: unknown): unknown[] {
  if (Array.isArray(content)) return content;
  if (typeof content === 'object' && content !== null) {
    const object = content as Record<string, unknown>;
    if (Array.isArray(object.itemList)) return object.itemList;
    if (typeof object.id === 'string' || 'serviceNames' in object || 'serviceChannelType' in object) return [content];
    const values = Object.values(object);
    if (values.length > 0 && values.every((value) => typeof value === 'object' && value !== null && !Array.isArray(value))) return values;
  }
  return [content];
}

const emptyCounts = (): UpsertCounts => ({ created: 0, updated: 0, unchanged: 0 });

async function write<T extends { _id: string; [field: string]: unknown }>(
  collection: Parameters<typeof upsertChanged<T>>[0],
  documents: T[],
  counts: UpsertCounts,
  progress: () => void,
): Promise<void> {
  for (let start = 0; start < documents.length; start += BATCH) {
    const result = await upsertChanged(collection, documents.slice(start, start + BATCH));
    counts.created += result.created;
    counts.updated += result.updated;
    counts.unchanged += result.unchanged;
    progress();
  }
}

/**
 * Imports a PTV Open API v11 export (a file or a folder of JSON files with Service,
 * ServiceChannel and Organization records). Every record is read and checked first; a record
 * that cannot be used is reported with its reason and the others go on. Records are upserted by
 * id (created / updated / unchanged), so running the same export again changes nothing.
 */
export async function importPtvExport(
  repository: DirectoryRepository,
  codes: CodeCatalogue,
  input: string,
  onProgress: (progress: Progress) => void = () => {},
): Promise<PtvImportReport> {
  const files = jsonFiles(input);
  const rejected: Rejection[] = [];
  const services = new Map<string, ServiceDocument>();
  const channels = new Map<string, ChannelDocument>();
  const organisations = new Map<string, OrganisationDocument>();
  const stubs = new Map<string, OrganisationDocument>();
  let records = 0;

  files.forEach((file, fileIndex) => {
    let content: unknown;
    try {
      content = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      rejected.push({ source: file, reason: `not valid JSON (${(error as Error).message})` });
      return;
    }
    recordsOf(content).forEach((raw, index) => {
      records += 1;
      try {
        const record = mapV11Record(raw, codes);
        if (record.kind === 'service') {
          services.set(record.document._id, record.document);
          if (record.providerStub) stubs.set(record.providerStub._id, record.providerStub);
        } else if (record.kind === 'channel') channels.set(record.document._id, record.document);
        else organisations.set(record.document._id, record.document);
      } catch (error) {
        if (!(error instanceof RejectedRecord)) throw error;
        rejected.push({ source: `${file} #${index + 1}`, reason: error.message });
      }
    });
    onProgress({ phase: 'reading', done: fileIndex + 1, total: files.length });
  });

  // Channels known from this export or already stored give each service its channel kinds.
  const linked = [...new Set([...services.values()].flatMap((service) => service.channelIds))].filter((id) => !channels.has(id));
  const stored = linked.length > 0 ? await repository.channelsByIds(linked) : [];
  const kindOf = new Map<string, ChannelKind>(
    [...stored, ...channels.values()].filter((channel) => channel.status !== 'ARCHIVED').map((channel) => [channel._id, channel.kind]),
  );
  for (const service of services.values()) {
    service.channelKinds = [...new Set(service.channelIds.map((id) => kindOf.get(id)).filter((kind): kind is ChannelKind => !!kind))].sort();
  }
  // The hand-set 3X10D labels are not part of PTV: a service that has them keeps them.
  const previous = services.size > 0 ? await repository.servicesByIds([...services.keys()]) : [];
  for (const service of previous) {
    const incoming = services.get(service._id);
    if (incoming && service.wellbeingDimensions.length > 0) incoming.wellbeingDimensions = service.wellbeingDimensions;
  }
  // Organisations named only inside services are added as stubs, never over a full record.
  const missingStubs = [...stubs.keys()].filter((id) => !organisations.has(id));
  const existing = new Set(missingStubs.length > 0 ? (await repository.organisationsByIds(missingStubs)).map((organisation) => organisation._id) : []);
  for (const id of missingStubs) if (!existing.has(id)) organisations.set(id, stubs.get(id) as OrganisationDocument);

  const report: PtvImportReport = { files: files.length, records, services: emptyCounts(), channels: emptyCounts(), organisations: emptyCounts(), rejected };
  const total = services.size + channels.size + organisations.size;
  let done = 0;
  const step = (size: number) => () => {
    done = Math.min(done + BATCH, done + size);
    onProgress({ phase: 'writing', done: Math.min(done, total), total });
  };
  await write(repository.organisations, [...organisations.values()], report.organisations, step(organisations.size));
  await write(repository.channels, [...channels.values()], report.channels, step(channels.size));
  await write(repository.services, [...services.values()], report.services, step(services.size));
  return report;
}
