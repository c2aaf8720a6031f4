/**
 * `npm run import:ptv -- <file-or-folder>`: imports a Finnish Service Catalogue export in the
 * PTV Open API v11 format into the service directory's store (the embedded store under
 * AURORA_DATA_DIR, or MongoDB with MONGODB_URI). Exit status: 0 imported, 2 imported with
 * rejected records (listed), 1 nothing imported.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openStore } from '@aurora/store';
import { createLogger } from '@aurora/subgraph-kit';
import { CodeCatalogue } from '../code-catalogue';
import { loadConfig } from '../config';
import { importCatalogue } from '../import/import-catalogue';
import { importPtvExport } from '../import/import-ptv-export';
import { DEFAULT_DATA_ROOT } from '../import/read-source';
import { DirectoryRepository } from '../repository';
import { SUBGRAPH_NAME } from '../subgraph';

const counts = (label: string, value: { created: number; updated: number; unchanged: number }) =>
  `  ${label.padEnd(14)} ${value.created} created, ${value.updated} updated, ${value.unchanged} unchanged\n`;

async function main(): Promise<number> {
  const input = process.argv[2];
  if (!input) {
    process.stderr.write('usage: npm run import:ptv -- <file-or-folder of PTV v11 JSON>\n');
    return 1;
  }
  const source = path.resolve(process.env.INIT_CWD ?? process.cwd(), input);
  if (!fs.existsSync(source)) {
    process.stderr.write(`${source} does not exist.\n`);
    return 1;
  }
  const config = loadConfig();
  const store = await openStore({ subgraph: SUBGRAPH_NAME, dataDir: config.AURORA_DATA_DIR, mongodbUri: config.MONGODB_URI });
  try {
    const repository = new DirectoryRepository(store);
    await repository.ensureIndexes();
    // The code lists come with the bundled catalogue; a fresh store gets it first.
    await importCatalogue(repository, DEFAULT_DATA_ROOT, createLogger('import:ptv', 'warn'));
    const codes = await CodeCatalogue.load(repository);
    const started = Date.now();
    let lastPrinted = 0;
    const report = await importPtvExport(repository, codes, source, (progress) => {
      if (Date.now() - lastPrinted < 1000 && progress.done < progress.total) return;
      lastPrinted = Date.now();
      process.stderr.write(`${progress.phase} ${progress.done}/${progress.total}${progress.phase === 'reading' ? ' files' : ' records'}\n`);
    });
    process.stdout.write(
      `Imported ${path.relative(process.cwd(), source) || source}: ${report.records} records in ${report.files} files, ${((Date.now() - started) / 1000).toFixed(1)} s\n` +
        counts('services', report.services) +
        counts('channels', report.channels) +
        counts('organisations', report.organisations) +
        `  rejected       ${report.rejected.length}\n` +
        report.rejected.map((rejection) => `    ${rejection.source}: ${rejection.reason}\n`).join(''),
    );
    process.stdout.write('Restart the service directory to serve the imported records.\n');
    return report.rejected.length > 0 ? 2 : 0;
  } finally {
    await store.close();
  }
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    process.stderr.write(`import:ptv failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
