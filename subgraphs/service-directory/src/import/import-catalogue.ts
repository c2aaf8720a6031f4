import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Logger } from '@aurora/subgraph-kit';
import { type Collection, type StoredDocument, upsertChanged, type UpsertCounts } from '@aurora/store';
import type { DirectoryRepository } from '../repository';
import { readCodeLists, readOntology } from './codelists';
import { readGeneralDescriptions } from './general-descriptions';
import { readLabelledServices } from './labelled-services';
import { readLegacyCatalogue } from './legacy-catalogue';

const IMPORT_ID = 'ptv-bundled-catalogue';
/** Raised when what the import makes of the same files changes, so that existing stores are updated. */
const IMPORT_FORMAT = 2;
const BATCH = 500;

function listFiles(directory: string): string[] {
  return fs
    .readdirSync(directory, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(path.join(directory, entry.name)) : [path.join(directory, entry.name)]))
    .filter((file) => /\.(json|csv)$/.test(file))
    .sort();
}

/** A fingerprint of the bundled data: the import runs again only when the data changed. */
function dataVersion(root: string): string {
  const hash = createHash('sha256');
  hash.update(`format ${IMPORT_FORMAT}`);
  for (const file of listFiles(root)) {
    hash.update(path.relative(root, file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

export interface ImportSummary {
  skipped: boolean;
  counts: Record<string, UpsertCounts>;
}

/**
 * Imports the bundled Finnish Service Catalogue data: code lists, organisations, channels and
 * services. Every source file is read and checked before anything is written, so a damaged file
 * stops the import with its name and leaves the store as it was. Writes are upserts by id and the
 * completion mark is written last, so an interrupted import can simply run again.
 */
export async function importCatalogue(repository: DirectoryRepository, root: string, logger: Logger): Promise<ImportSummary> {
  const version = dataVersion(root);
  const state = await repository.importState(IMPORT_ID);
  if (state?.version === version) {
    logger.info({ version, importedAt: state.completedAt }, 'catalogue already imported; nothing to do');
    return { skipped: true, counts: {} };
  }

  logger.info({ version }, 'importing the bundled Finnish Service Catalogue data');
  const { codes, index } = readCodeLists(root);
  const labelled = readLabelledServices(root);
  const general = readGeneralDescriptions(root, index);
  const conceptByFinnishLabel = new Map(
    readOntology(root)
      .filter((concept) => concept.labels.fi)
      .map((concept) => [concept.labels.fi?.toLowerCase() as string, concept.id]),
  );
  const legacy = readLegacyCatalogue(root, index, conceptByFinnishLabel);
  const services = [...labelled, ...general, ...legacy.services];

  const counts: Record<string, UpsertCounts> = {};
  const sizes: Record<string, number> = {};
  // One step per collection, each typed by its own documents.
  const upsertStep = async <T extends StoredDocument>(name: string, collection: Collection<T>, documents: T[]) => {
    const total: UpsertCounts = { created: 0, updated: 0, unchanged: 0 };
    for (let start = 0; start < documents.length; start += BATCH) {
      const result = await upsertChanged(collection, documents.slice(start, start + BATCH));
      total.created += result.created;
      total.updated += result.updated;
      total.unchanged += result.unchanged;
      logger.info({ step: name, done: Math.min(start + BATCH, documents.length), of: documents.length }, 'import progress');
    }
    counts[name] = total;
    sizes[name] = documents.length;
  };
  await upsertStep('codes', repository.codes, codes);
  await upsertStep('organisations', repository.organisations, legacy.organisations);
  await upsertStep('channels', repository.channels, legacy.channels);
  await upsertStep('services', repository.services, services);
  await repository.saveImportState({
    _id: IMPORT_ID,
    version,
    completedAt: new Date().toISOString(),
    counts: sizes,
  });
  logger.info({ counts }, 'catalogue import complete');
  return { skipped: false, counts };
}
