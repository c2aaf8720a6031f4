import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEmbeddedStore } from '@aurora/store';
import { createLogger } from '@aurora/subgraph-kit';
import { DEFAULT_DATA_ROOT, DirectoryRepository, importCatalogue, SourceDataError } from '../index';

const logger = createLogger('import-test', 'silent');
const temporaryFolder = () => fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-directory-'));

describe('catalogue import', () => {
  it('imports once: a restart on the same data folder keeps the data and imports nothing again', async () => {
    const directory = temporaryFolder();
    const first = createEmbeddedStore({ directory });
    const firstRun = await importCatalogue(new DirectoryRepository(first), DEFAULT_DATA_ROOT, logger);
    expect(firstRun.skipped).toBe(false);
    expect(firstRun.counts.services?.created).toBeGreaterThanOrEqual(1800);
    const servicesBefore = await first.collection('services').countDocuments();
    await first.close();
    const sizeBefore = fs.statSync(path.join(directory, 'services.jsonl')).size;

    const second = createEmbeddedStore({ directory });
    const secondRun = await importCatalogue(new DirectoryRepository(second), DEFAULT_DATA_ROOT, logger);
    expect(secondRun.skipped).toBe(true);
    expect(await second.collection('services').countDocuments()).toBe(servicesBefore);
    await second.close();
    expect(fs.statSync(path.join(directory, 'services.jsonl')).size).toBe(sizeBefore);
  });

  it('can run again after an interruption and changes nothing that is already there', async () => {
    const store = createEmbeddedStore();
    const repository = new DirectoryRepository(store);
    await importCatalogue(repository, DEFAULT_DATA_ROOT, logger);
    // An import interrupted before its completion mark leaves no mark behind.
    await store.collection('meta').deleteMany({});
    const again = await importCatalogue(repository, DEFAULT_DATA_ROOT, logger);
    expect(again.skipped).toBe(false);
    for (const counts of Object.values(again.counts)) {
      expect(counts.created).toBe(0);
      expect(counts.updated).toBe(0);
      expect(counts.unchanged).toBeGreaterThan(0);
    }
  });

  it('refuses a damaged source file, names it, and writes nothing', async () => {
    const root = temporaryFolder();
    fs.cpSync(DEFAULT_DATA_ROOT, root, { recursive: true });
    const damaged = path.join(root, 'legacy_catalogue_2016', 'services.json');
    fs.writeFileSync(damaged, fs.readFileSync(damaged, 'utf8').slice(0, 5000));
    const store = createEmbeddedStore();
    const attempt = importCatalogue(new DirectoryRepository(store), root, logger);
    await expect(attempt).rejects.toBeInstanceOf(SourceDataError);
    await expect(attempt).rejects.toThrow(`Catalogue data file ${damaged} cannot be read (not valid JSON`);
    expect(await store.collection('services').countDocuments()).toBe(0);
    expect(await store.collection('codes').countDocuments()).toBe(0);
  });
});

describe('starting on a damaged data file', () => {
  it('refuses to start, names the file, and leaves it as it was', async () => {
    const dataDir = temporaryFolder();
    const store = createEmbeddedStore({ directory: path.join(dataDir, 'service-directory') });
    await importCatalogue(new DirectoryRepository(store), DEFAULT_DATA_ROOT, logger);
    await store.close();
    const file = path.join(dataDir, 'service-directory', 'services.jsonl');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines[10] = (lines[10] ?? '').slice(0, 40);
    fs.writeFileSync(file, lines.join('\n'));
    const before = fs.readFileSync(file);

    const main = path.join(__dirname, '..', 'main.ts');
    const result = spawnSync(process.execPath, ['-r', '@swc-node/register', '--conditions=aurora-source', main], {
      env: { ...process.env, AURORA_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', MONGODB_URI: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`service-directory could not start: Data file ${file} is damaged (line 11 is not valid JSON)`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  }, 60_000);
});
