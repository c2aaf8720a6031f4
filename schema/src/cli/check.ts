import * as path from 'node:path';
import { findDrift, generateSchemas } from '../generate';
import { SCHEMA_DIR } from '../manifest';

/**
 * `npm run schema:check`: regenerates the subgraph schemas and the supergraph from the code and
 * fails, naming each file, when what is committed differs.
 */
async function main(): Promise<void> {
  const drift = findDrift(await generateSchemas());
  if (drift.length === 0) {
    process.stdout.write('schema:check: the committed subgraph schemas and supergraph.graphql match the code.\n');
    return;
  }
  for (const { file, problem } of drift) {
    const name = path.relative(path.dirname(SCHEMA_DIR), file);
    process.stderr.write(`schema:check: ${name} ${problem === 'missing' ? 'is missing' : 'is out of date with the code'}.\n`);
  }
  process.stderr.write('Run `npm run schema:compose` and commit the result.\n');
  process.exit(1);
}

main().catch((error: unknown) => {
  process.stderr.write(`schema:check: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
