import * as path from 'node:path';
import { formatFinding, hasErrors } from '../checks/finding';
import { findDrift, generateSchemas } from '../generate';
import { SCHEMA_DIR } from '../manifest';

/**
 * `npm run schema:check`: the review (composition, the network's rules, breaking changes against
 * the committed supergraph) and the drift check (the committed schemas must be what the code
 * produces). Fails, naming each rule, coordinate and file, on any error.
 */
async function main(): Promise<number> {
  const { files, findings } = await generateSchemas();
  for (const finding of findings) process.stderr.write(`${formatFinding(finding)}\n`);
  const drift = findDrift(files);
  for (const { file, problem } of drift) {
    process.stderr.write(
      `error [drift] ${path.relative(path.dirname(SCHEMA_DIR), file)} ${problem === 'missing' ? 'is missing' : 'is out of date with the code'}. Fix: run \`npm run schema:compose\` and commit the result.\n`,
    );
  }
  if (hasErrors(findings) || drift.length > 0) return 1;
  process.stdout.write(
    `schema:check: the supergraph composes, follows the network's rules, breaks no client, and the committed schemas match the code${findings.length ? ` (${findings.length} warnings)` : ''}.\n`,
  );
  return 0;
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    process.stderr.write(`schema:check: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
