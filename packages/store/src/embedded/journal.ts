import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorruptDataError } from '../errors';
import type { StoredDocument } from '../types';

/** One acknowledged change to a collection: a document's new state, or its deletion. */
export type Change = { put: StoredDocument } | { del: string };

export interface JournalEvents {
  /** Something was repaired or set aside on open; the message names the file. */
  warn(message: string): void;
}

const COMPACT_MIN_LINES = 1000;

function parseLine(file: string, lineNumber: number, line: string): Change {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new CorruptDataError(file, `line ${lineNumber} is not valid JSON`);
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const put = record.put as StoredDocument | undefined;
    if (put && typeof put === 'object' && typeof put._id === 'string') return { put };
    if (typeof record.del === 'string') return { del: record.del };
  }
  throw new CorruptDataError(file, `line ${lineNumber} is not a document change`);
}

function writeAll(fd: number, buffer: Buffer): void {
  let offset = 0;
  while (offset < buffer.length) offset += fs.writeSync(fd, buffer, offset, buffer.length - offset);
}

function fsyncDirectory(directory: string): void {
  const fd = fs.openSync(directory, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * An append-only file of a collection's changes, one JSON line each. A change is acknowledged
 * only after its line is written and flushed to disk, so a process killed mid-write can leave at
 * most one incomplete last line, which was not acknowledged: on open it is set aside in a
 * `.torn-*` file, never silently dropped. Any other unreadable line means the file is damaged,
 * and opening refuses without touching it. When the file holds many superseded lines it is
 * rewritten to a temporary file and renamed over the original, which is atomic.
 *
 * Deletion erases: a commit that deletes a document rewrites the file with the live documents
 * only before it is acknowledged, so neither the deleted document nor any earlier version of it
 * stays in the file. A process killed between the deletion's line and the rewrite leaves a `del`
 * line behind; the next open sees it and rewrites the file before anything is read from it.
 * An interrupted last line is discarded (with a warning that gives its size, not its content):
 * it was not acknowledged, and keeping it would keep what a person may later ask to erase.
 */
export class CollectionJournal {
  private fd: number;
  private lines: number;

  private constructor(
    readonly file: string,
    lines: number,
  ) {
    this.lines = lines;
    this.fd = fs.openSync(file, 'a');
  }

  /** Reads the collection's documents back and opens the file for appending. */
  static open(file: string, events: JournalEvents): { journal: CollectionJournal; documents: Map<string, StoredDocument> } {
    const documents = new Map<string, StoredDocument>();
    fs.rmSync(`${file}.compacting`, { force: true });
    let lines = 0;
    let deletions = 0;
    if (fs.existsSync(file)) {
      const content = fs.readFileSync(file);
      const lastNewline = content.lastIndexOf(0x0a);
      const complete = content.subarray(0, lastNewline + 1).toString('utf8');
      const tail = content.subarray(lastNewline + 1);
      const rows = complete.split('\n');
      rows.pop();
      rows.forEach((line, index) => {
        const change = parseLine(file, index + 1, line);
        if ('put' in change) documents.set(change.put._id, change.put);
        else {
          documents.delete(change.del);
          deletions += 1;
        }
      });
      lines = rows.length;
      if (tail.length > 0) {
        fs.truncateSync(file, lastNewline + 1);
        events.warn(`${file} ended in an incomplete write of ${tail.length} bytes from an interrupted process; it was not acknowledged and was discarded.`);
      }
    }
    const journal = new CollectionJournal(file, lines);
    // A deletion whose rewrite was interrupted: finish erasing before anything else happens.
    if (deletions > 0) journal.compact(documents.values(), documents.size);
    return { journal, documents };
  }

  append(changes: Change[]): void {
    if (changes.length === 0) return;
    const text = `${changes.map((change) => JSON.stringify(change)).join('\n')}\n`;
    writeAll(this.fd, Buffer.from(text, 'utf8'));
    fs.fdatasyncSync(this.fd);
    this.lines += changes.length;
  }

  /**
   * After a commit: rewrites the file with only the live documents when the commit deleted
   * something (erasure), or when most of its lines are superseded (size).
   */
  afterCommit(documents: Iterable<StoredDocument>, liveCount: number, deleted: boolean): void {
    if (deleted || (this.lines >= COMPACT_MIN_LINES && this.lines >= liveCount * 2)) this.compact(documents, liveCount);
  }

  /** Rewrites the file with only the live documents, atomically (temporary file, fsync, rename). */
  compact(documents: Iterable<StoredDocument>, liveCount: number): void {
    const temporary = `${this.file}.compacting`;
    const fd = fs.openSync(temporary, 'w');
    try {
      let batch: string[] = [];
      for (const document of documents) {
        batch.push(JSON.stringify({ put: document }));
        if (batch.length === 500) {
          writeAll(fd, Buffer.from(`${batch.join('\n')}\n`, 'utf8'));
          batch = [];
        }
      }
      if (batch.length > 0) writeAll(fd, Buffer.from(`${batch.join('\n')}\n`, 'utf8'));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.closeSync(this.fd);
    fs.renameSync(temporary, this.file);
    fsyncDirectory(path.dirname(this.file));
    this.fd = fs.openSync(this.file, 'a');
    this.lines = liveCount;
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}
