/**
 * `npm run publish-subgraph -- --name <name> --url <routing-url> --schema <file.graphql>`:
 * publishes a subgraph to the schema registry. The provider token comes from `--token` or
 * `AURORA_PROVIDER_TOKEN`; in development, with neither, one is minted with the local key for
 * `--organisation` (default: local-development).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { developmentKeyFiles, formatFindingLine, mintProviderToken } from './publish-support';
import { REGISTRY_PORT } from '@aurora/manifest';
import { ROOT } from './services';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      name: { type: 'string' },
      url: { type: 'string' },
      schema: { type: 'string' },
      token: { type: 'string' },
      organisation: { type: 'string', default: 'local-development' },
      registry: { type: 'string', default: process.env.AURORA_REGISTRY_URL ?? `http://localhost:${REGISTRY_PORT}` },
    },
  });
  if (!values.name || !values.url || !values.schema) {
    process.stderr.write('usage: npm run publish-subgraph -- --name <name> --url <routing-url> --schema <file.graphql> [--token <jwt>]\n');
    return 1;
  }
  const schemaFile = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.schema);
  if (!fs.existsSync(schemaFile)) {
    process.stderr.write(`${schemaFile} does not exist.\n`);
    return 1;
  }
  let token = values.token ?? process.env.AURORA_PROVIDER_TOKEN;
  if (!token) {
    const { privateKeyFile } = developmentKeyFiles(path.resolve(ROOT, process.env.AURORA_DATA_DIR ?? '.data'));
    if (!fs.existsSync(privateKeyFile)) {
      process.stderr.write('No provider token: pass --token or AURORA_PROVIDER_TOKEN (in development, run `npm start` once to create the local key).\n');
      return 1;
    }
    token = await mintProviderToken({
      privateKeyFile,
      issuer: process.env.AURORA_JWT_ISSUER ?? 'aurora-dev',
      audience: process.env.AURORA_JWT_AUDIENCE ?? 'aurora-network',
      subject: 'publish-subgraph',
      organisation: values.organisation as string,
      scopes: ['subgraphs:publish', 'services:write'],
      expiresIn: '10m',
    });
    process.stderr.write(`(development) minted a provider token for organisation ${values.organisation}\n`);
  }
  const response = await fetch(`${values.registry.replace(/\/$/, '')}/subgraphs/${values.name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ url: values.url, sdl: fs.readFileSync(schemaFile, 'utf8') }),
  });
  const body = (await response.json()) as { version?: number; warnings?: unknown[]; code?: string; errors?: unknown[] };
  if (response.status === 201) {
    process.stdout.write(`Published ${values.name} as registry version ${body.version}; the router picks it up within seconds.\n`);
    for (const warning of body.warnings ?? []) process.stdout.write(`${formatFindingLine(warning)}\n`);
    return 0;
  }
  process.stderr.write(`The registry refused ${values.name} (${response.status} ${body.code ?? ''}):\n`);
  for (const error of body.errors ?? []) process.stderr.write(`  ${formatFindingLine(error)}\n`);
  return 1;
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    process.stderr.write(`publish-subgraph: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
