/**
 * `npm run token -- --organisation <id>`: prints a provider token signed with the development key
 * that `npm start` created in the data folder, for trying provider mutations locally.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { developmentKeyFiles, mintProviderToken } from '@aurora/subgraph-kit';
import * as fs from 'node:fs';
import { ROOT } from './services';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      organisation: { type: 'string' },
      scope: { type: 'string', default: 'services:write' },
      expires: { type: 'string', default: '1h' },
      subject: { type: 'string', default: 'local-developer' },
    },
  });
  if (!values.organisation) {
    throw new Error('usage: npm run token -- --organisation <organisation id> [--scope "services:write"] [--expires 1h]');
  }
  const dataDir = path.resolve(ROOT, process.env.AURORA_DATA_DIR ?? '.data');
  const { privateKeyFile } = developmentKeyFiles(dataDir);
  if (!fs.existsSync(privateKeyFile)) throw new Error(`No development signing key in ${dataDir}; run \`npm start\` once to create it.`);
  const token = await mintProviderToken({
    privateKeyFile,
    issuer: process.env.AURORA_JWT_ISSUER ?? 'aurora-dev',
    audience: process.env.AURORA_JWT_AUDIENCE ?? 'aurora-network',
    subject: values.subject as string,
    organisation: values.organisation,
    scopes: (values.scope as string).split(/[ ,]+/).filter(Boolean),
    expiresIn: values.expires as string,
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
