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
 * most one incomplete last line, which was never acknowledged: on open it is set aside in a
 * `.torn-*` file, never silently dropped. Any other unreadable line means the file is damaged,
 * and opening refuses without touching it. When the file holds many superseded lines it is
 * rewritten to a temporary file and renamed over the original, which is atomic.
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
        else documents.delete(change.del);
      });
      lines = rows.length;
      if (tail.length > 0) {
        const tornFile = `${file}.torn-${Date.now()}`;
        fs.writeFileSync(tornFile, tail);
        fs.truncateSync(file, lastNewline + 1);
        events.warn(
          `${file} ended in an incomplete write from an interrupted process; ` +
            `it was never acknowledged and was set aside in ${tornFile}.`,
        );
      }
    }
    return { journal: new CollectionJournal(file, lines), documents };
  }

  append(changes: Change[]): void {
    if (changes.length === 0) return;
    const text = changes.map((change) => JSON.stringify(change)).join('\n') + '\n';
    writeAll(this.fd, Buffer.from(text, 'utf8'));
    fs.fdatasyncSync(this.fd);
    this.lines += changes.length;
  }

  /** Rewrites the file with only the live documents when most of its lines are superseded. */
  compactIfWorthwhile(documents: Iterable<StoredDocument>, liveCount: number): void {
    if (this.lines < COMPACT_MIN_LINES || this.lines < liveCount * 2) return;
    const temporary = `${this.file}.compacting`;
    const fd = fs.openSync(temporary, 'w');
    try {
      let batch: string[] = [];
      for (const document of documents) {
        batch.push(JSON.stringify({ put: document }));
        if (batch.length === 500) {
          writeAll(fd, Buffer.from(batch.join('\n') + '\n', 'utf8'));
          batch = [];
        }
      }
      if (batch.length > 0) writeAll(fd, Buffer.from(batch.join('\n') + '\n', 'utf8'));
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
