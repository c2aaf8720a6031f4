import * as path from 'node:path';
import { ROOT } from '@aurora/manifest';
import { runCodegen } from '../codegen';

/**
 * `npm run codegen` writes each SDL-first subgraph's resolver types; `npm run codegen:check`
 * (`--check`, in `npm test`) writes nothing and fails naming each file that is out of date.
 */
async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const drift = await runCodegen(check);
  for (const { subgraph, file } of drift) {
    const shown = path.relative(ROOT, file);
    if (check)
      process.stderr.write(`error [codegen-drift] ${subgraph}: ${shown} is out of date with its schema. Fix: run \`npm run codegen\` and commit the result.\n`);
    else process.stdout.write(`wrote     ${shown}\n`);
  }
  if (check && drift.length > 0) return 1;
  process.stdout.write(check ? 'codegen:check: the generated resolver types match the schemas.\n' : `codegen: ${drift.length} file(s) written.\n`);
  return 0;
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    process.stderr.write(`codegen: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
