import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CorruptDataError, createEmbeddedStore, type StoredDocument } from '../index';

function temporaryFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-files-'));
}

describe('embedded store in files', () => {
  it('keeps data across a close and reopen', async () => {
    const directory = temporaryFolder();
    const first = createEmbeddedStore({ directory });
    await first.collection('services').insertMany([
      { _id: 's1', name: 'Neuvola' },
      { _id: 's2', name: 'Kirjasto' },
    ]);
    await first.collection('services').updateOne({ _id: 's1' }, { $set: { name: 'Äitiysneuvola' } });
    await first.collection('services').deleteOne({ _id: 's2' });
    await first.close();

    const second = createEmbeddedStore({ directory });
    expect(await second.collection('services').find()).toEqual([{ _id: 's1', name: 'Äitiysneuvola' }]);
    await second.close();
  });

  it('compacts a long journal without losing the latest state', async () => {
    const directory = temporaryFolder();
    const store = createEmbeddedStore({ directory });
    const counters = store.collection<StoredDocument & { value: number }>('counters');
    await counters.insertOne({ _id: 'c', value: 0 });
    for (let index = 0; index < 1500; index += 1) await counters.updateOne({ _id: 'c' }, { $inc: { value: 1 } });
    await store.close();
    const lines = fs.readFileSync(path.join(directory, 'counters.jsonl'), 'utf8').trim().split('\n');
    expect(lines.length).toBeLessThan(1000);

    const reopened = createEmbeddedStore({ directory });
    expect(await reopened.collection('counters').findOne({ _id: 'c' })).toEqual({ _id: 'c', value: 1500 });
    await reopened.close();
  });

  it('refuses to open a damaged file, names it, and leaves it untouched', async () => {
    const directory = temporaryFolder();
    const store = createEmbeddedStore({ directory });
    await store.collection('services').insertMany([{ _id: 'a' }, { _id: 'b' }]);
    await store.collection('services').insertOne({ _id: 'c' });
    await store.close();
    const file = path.join(directory, 'services.jsonl');
    const damaged = fs.readFileSync(file, 'utf8').replace('{"put":{"_id":"b"}}', '{"put":{"_id":"b"');
    fs.writeFileSync(file, damaged);

    const reopened = createEmbeddedStore({ directory });
    expect(() => reopened.collection('services')).toThrow(CorruptDataError);
    expect(() => reopened.collection('services')).toThrow(`Data file ${file} is damaged (line 2 is not valid JSON)`);
    await reopened.close();
    expect(fs.readFileSync(file, 'utf8')).toBe(damaged);
  });

  it('discards an interrupted last write, not acknowledged, with a warning instead of failing on it', async () => {
    const directory = temporaryFolder();
    const store = createEmbeddedStore({ directory });
    await store.collection('services').insertOne({ _id: 'kept' });
    await store.close();
    const file = path.join(directory, 'services.jsonl');
    fs.appendFileSync(file, '{"put":{"_id":"torn","na');

    const warnings: string[] = [];
    const reopened = createEmbeddedStore({ directory, onWarning: (message) => warnings.push(message) });
    expect(await reopened.collection('services').find()).toEqual([{ _id: 'kept' }]);
    await reopened.collection('services').insertOne({ _id: 'next' });
    await reopened.close();
    expect(warnings).toEqual([`${file} ended in an incomplete write of 24 bytes from an interrupted process; it was not acknowledged and was discarded.`]);
    // Nothing of the unacknowledged write is kept anywhere in the folder.
    for (const name of fs.readdirSync(directory)) expect(fs.readFileSync(path.join(directory, name), 'utf8')).not.toContain('"torn"');
    const again = createEmbeddedStore({ directory });
    expect(await again.collection('services').countDocuments()).toBe(2);
    await again.close();
  });

  it('refuses a second process on the same folder', async () => {
    const directory = temporaryFolder();
    fs.writeFileSync(path.join(directory, 'LOCK'), String(process.ppid));
    expect(() => createEmbeddedStore({ directory })).toThrow(/is in use by process/);
  });

  it('takes over the lock of a process killed with SIGKILL, even while it is an unreaped zombie', async () => {
    if (!fs.existsSync('/proc/self/stat')) return; // the zombie check reads /proc (Linux)
    // The shell starts a child that exits a moment later, when the shell has already become `sleep`,
    // which never reaps it: a zombie. (A child that exited at once could be reaped by the shell first.)
    const parent = spawn('sh', ['-c', 'sleep 0.2 & echo $!; exec sleep 10'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const zombie = Number.parseInt(await new Promise<string>((resolve) => parent.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8')))), 10);
    try {
      const state = () => (fs.existsSync(`/proc/${zombie}/stat`) ? fs.readFileSync(`/proc/${zombie}/stat`, 'utf8') : '');
      for (let waited = 0; waited < 5000 && !/\) Z /.test(state()); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(state()).toMatch(/\) Z /);
      const directory = temporaryFolder();
      fs.writeFileSync(path.join(directory, 'LOCK'), String(zombie));
      const store = createEmbeddedStore({ directory });
      await store.collection('notes').insertOne({ _id: 'a' });
      expect(fs.readFileSync(path.join(directory, 'LOCK'), 'utf8')).toBe(String(process.pid));
      await store.close();
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('keeps every acknowledged write when the writer is killed mid-write', async () => {
    const directory = temporaryFolder();
    const fixture = path.join(__dirname, 'fixtures', 'crash-writer.ts');
    const child = spawn(process.execPath, ['-r', '@swc-node/register', '--conditions=aurora-source', fixture, directory], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acknowledged: string[] = [];
    let buffered = '';
    await new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        acknowledged.push(...lines);
        if (acknowledged.length >= 150 && !child.killed) {
          child.kill('SIGKILL');
        }
      });
      // 'close', not 'exit': exit can come before the last lines are read, and a late "erased p-N"
      // would leave p-N counted as kept, a lost write that never was.
      child.on('close', () => resolve());
    });
    expect(acknowledged.length).toBeGreaterThanOrEqual(150);

    const warnings: string[] = [];
    const store = createEmbeddedStore({ directory, onWarning: (message) => warnings.push(message) });
    const stored = await store.collection('items').find({}, { projection: { _id: 1 } });
    const storedIds = new Set(stored.map((document) => document._id));
    for (const id of acknowledged) expect(storedIds.has(id)).toBe(true);
    // Acknowledged updates survived too.
    const updated = await store.collection('items').countDocuments({ updated: true });
    expect(updated).toBeGreaterThanOrEqual(Math.floor(acknowledged.length / 3) - 1);
    // The store is writable again after the crash.
    await store.collection('items').insertOne({ _id: 'after-crash' });
    await store.close();
    expect(warnings.every((message) => message.includes('was discarded'))).toBe(true);
  }, 60_000);

  it('erases a deleted document and every earlier version of it from the file before acknowledging', async () => {
    const directory = temporaryFolder();
    const store = createEmbeddedStore({ directory });
    const people = store.collection('people');
    await people.insertMany([
      { _id: 'alice', note: 'alice-first-7f3a' },
      { _id: 'bob', note: 'bob-kept-9c2e' },
    ]);
    await people.updateOne({ _id: 'alice' }, { $set: { note: 'alice-second-51d0' } });
    const file = path.join(directory, 'people.jsonl');
    expect(fs.readFileSync(file, 'utf8')).toContain('alice-first-7f3a'); // superseded versions stay until an erasure
    await people.deleteOne({ _id: 'alice' });
    const text = fs.readFileSync(file, 'utf8');
    for (const gone of ['alice', 'alice-first-7f3a', 'alice-second-51d0']) expect(text).not.toContain(gone);
    expect(text).toContain('bob-kept-9c2e');
    await people.deleteMany({ note: 'nobody' }); // deleting nothing rewrites nothing
    await store.close();
    const reopened = createEmbeddedStore({ directory });
    expect(await reopened.collection('people').find()).toEqual([{ _id: 'bob', note: 'bob-kept-9c2e' }]);
    await reopened.close();
  });

  it('finishes an interrupted erasure on the next open: a del line left behind is rewritten away', async () => {
    const directory = temporaryFolder();
    const file = path.join(directory, 'people.jsonl');
    fs.writeFileSync(file, '{"put":{"_id":"alice","note":"alice-7f3a"}}\n{"put":{"_id":"bob"}}\n{"del":"alice"}\n');
    const store = createEmbeddedStore({ directory });
    expect(await store.collection('people').find()).toEqual([{ _id: 'bob' }]);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"put":{"_id":"bob"}}\n');
    await store.close();
  });

  it('leaves no readable deleted record and loses no acknowledged write when killed during deletions', async () => {
    const directory = temporaryFolder();
    const fixture = path.join(__dirname, 'fixtures', 'crash-eraser.ts');
    const child = spawn(process.execPath, ['-r', '@swc-node/register', '--conditions=aurora-source', fixture, directory], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const kept = new Set<string>();
    const erased = new Set<string>();
    let buffered = '';
    await new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          const [action, id] = line.split(' ') as [string, string];
          if (action === 'kept') kept.add(id);
          else {
            kept.delete(id);
            erased.add(id);
          }
        }
        if (erased.size >= 60 && !child.killed) child.kill('SIGKILL');
      });
      // 'close', not 'exit': exit can come before the last lines are read, and a late "erased p-N"
      // would leave p-N counted as kept, a lost write that never was.
      child.on('close', () => resolve());
    });
    expect(erased.size).toBeGreaterThanOrEqual(60);

    // Opening the folder again is what a restarted service does; it finishes any erasure the kill interrupted.
    const store = createEmbeddedStore({ directory });
    const ids = new Set((await store.collection('people').find({}, { projection: { _id: 1 } })).map((document) => document._id));
    // Lists rather than one expectation per id, so that a failure names every id it concerns.
    expect([...kept].filter((id) => !ids.has(id))).toEqual([]);
    expect([...erased].filter((id) => ids.has(id))).toEqual([]);
    await store.close();
    const everything = fs
      .readdirSync(directory)
      .map((name) => fs.readFileSync(path.join(directory, name), 'utf8'))
      .join('\n');
    // The ids end in a full stop in the data, so that p-1 is not found inside p-10.
    expect([...erased].filter((id) => everything.includes(`secret-of-${id}.`))).toEqual([]);
    expect([...kept].filter((id) => !everything.includes(`secret-of-${id}.`))).toEqual([]);
  }, 60_000);
});
