import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatFinding, hasErrors } from '../checks/finding';
import { generateSchemas } from '../generate';
import { SCHEMA_DIR } from '../manifest';

/**
 * `npm run schema:compose`: prints every subgraph's schema and composes supergraph.graphql, after
 * the review. Nothing is written when the review finds an error (a breaking change needs an entry
 * in accepted-changes.yaml first).
 */
async function main(): Promise<number> {
  const { files, findings } = await generateSchemas();
  for (const finding of findings) process.stderr.write(`${formatFinding(finding)}\n`);
  if (hasErrors(findings)) {
    process.stderr.write('schema:compose: nothing was written; fix the errors above first.\n');
    return 1;
  }
  for (const { file, content } of files) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    fs.writeFileSync(file, content);
    process.stdout.write(`${before === content ? 'unchanged' : 'wrote    '} ${path.relative(path.dirname(SCHEMA_DIR), file)}\n`);
  }
  return 0;
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    process.stderr.write(`schema:compose: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
