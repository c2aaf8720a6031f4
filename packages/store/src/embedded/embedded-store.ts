import * as fs from 'node:fs';
import * as path from 'node:path';
import { StoreError } from '../errors';
import type { Collection, DocumentStore, StoredDocument } from '../types';
import { EmbeddedCollection, type ChangeSink } from './embedded-collection';
import { CollectionJournal } from './journal';

export interface EmbeddedStoreOptions {
  /** Folder for the data files; without it the store lives in memory only (tests). */
  directory?: string;
  /** Told when opening repaired something (an interrupted write set aside). */
  onWarning?: (message: string) => void;
}

const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const MEMORY_SINK: ChangeSink = { append() {}, afterCommit() {} };

/**
 * Whether a process still runs. A process killed with SIGKILL stays a zombie until its parent
 * reaps it, and signal 0 still reaches a zombie: on Linux its state in /proc tells it is gone, so
 * a restart right after `kill -9` is not refused by the dead process's lock.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (command) state …": the command may hold spaces and parentheses, the state follows the last ")".
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true; // no /proc (not Linux): signal 0 is all there is
  }
}

/** Takes the folder's lock so that two processes never write the same files. */
function acquireLock(directory: string): string {
  const lockFile = path.join(directory, 'LOCK');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return lockFile;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isProcessAlive(holder)) {
        throw new StoreError(
          'STORE_LOCKED',
          `Data folder ${directory} is in use by process ${holder}. Stop that process, or point this one at another folder.`,
        );
      }
      fs.rmSync(lockFile, { force: true }); // left behind by a process that is gone
    }
  }
  throw new StoreError('STORE_LOCKED', `Could not lock data folder ${directory}.`);
}

/**
 * The embedded document store: MongoDB's query semantics (through mingo) over documents kept in
 * memory and, when a folder is given, in one journal file per collection in that folder.
 * Collections are opened on first use; a damaged file makes that open throw CorruptDataError.
 */
export function createEmbeddedStore(options: EmbeddedStoreOptions = {}): DocumentStore {
  const { directory } = options;
  const warn = options.onWarning ?? (() => {});
  const collections = new Map<string, EmbeddedCollection<StoredDocument>>();
  const journals: CollectionJournal[] = [];
  let lockFile: string | undefined;
  if (directory) {
    fs.mkdirSync(directory, { recursive: true });
    lockFile = acquireLock(directory);
  }
  let closed = false;

  return {
    kind: 'embedded',
    collection<T extends StoredDocument>(name: string): Collection<T> {
      if (closed) throw new StoreError('INVALID_OPERATION', 'The store is closed.');
      if (!COLLECTION_NAME.test(name)) {
        throw new StoreError('INVALID_OPERATION', `Invalid collection name "${name}".`);
      }
      let collection = collections.get(name);
      if (!collection) {
        if (directory) {
          const { journal, documents } = CollectionJournal.open(path.join(directory, `${name}.jsonl`), { warn });
          journals.push(journal);
          collection = new EmbeddedCollection(name, documents, journal);
        } else {
          collection = new EmbeddedCollection(name, new Map(), MEMORY_SINK);
        }
        collections.set(name, collection);
      }
      return collection as unknown as Collection<T>;
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const journal of journals) journal.close();
      if (lockFile) fs.rmSync(lockFile, { force: true });
    },
  };
}
