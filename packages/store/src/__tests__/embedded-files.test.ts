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
    await first.collection('services').insertMany([{ _id: 's1', name: 'Neuvola' }, { _id: 's2', name: 'Kirjasto' }]);
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

  it('sets an interrupted last write aside instead of dropping or failing on it', async () => {
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
    expect(warnings).toHaveLength(1);
    const tornFile = fs.readdirSync(directory).find((name) => name.startsWith('services.jsonl.torn-'));
    expect(tornFile && fs.readFileSync(path.join(directory, tornFile), 'utf8')).toBe('{"put":{"_id":"torn","na');
    const again = createEmbeddedStore({ directory });
    expect(await again.collection('services').countDocuments()).toBe(2);
    await again.close();
  });

  it('refuses a second process on the same folder', async () => {
    const directory = temporaryFolder();
    fs.writeFileSync(path.join(directory, 'LOCK'), String(process.ppid));
    expect(() => createEmbeddedStore({ directory })).toThrow(/is in use by process/);
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
      child.on('exit', () => resolve());
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
    expect(warnings.every((message) => message.includes('set aside'))).toBe(true);
  }, 60_000);
});
