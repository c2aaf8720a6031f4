import * as fs from 'node:fs';
import * as path from 'node:path';
import { CompositionError, generateSchemas } from '../generate';
import { SCHEMA_DIR } from '../manifest';

/** `npm run schema:compose`: writes every subgraph's printed schema and supergraph.graphql. */
async function main(): Promise<void> {
  const generated = await generateSchemas();
  for (const { file, content } of generated) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    fs.writeFileSync(file, content);
    process.stdout.write(`${before === content ? 'unchanged' : 'wrote    '} ${path.relative(path.dirname(SCHEMA_DIR), file)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof CompositionError || error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
