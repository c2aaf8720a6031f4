import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEmbeddedStore } from '@aurora/store';
import { createLogger } from '@aurora/subgraph-kit';
import { postGraphQL } from '@aurora/subgraph-kit/testing';
import { CodeCatalogue } from '../code-catalogue';
import { importPtvExport } from '../import/import-ptv-export';
import { createServiceDirectory, DEFAULT_DATA_ROOT, DirectoryRepository, importCatalogue } from '../index';

const EXAMPLES = path.join(DEFAULT_DATA_ROOT, '..', 'ptv-v11-examples');
const logger = createLogger('import-ptv-test', 'silent');

/** A folder with the real v11 records plus records that must be rejected. */
function exportFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-v11-'));
  fs.cpSync(EXAMPLES, folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'broken.json'), '{"id": "3668d250-');
  const service = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'etalukio_service.json'), 'utf8'));
  fs.writeFileSync(
    path.join(folder, 'more.json'),
    JSON.stringify({
      itemList: [
        { ...service, id: 'not-a-uuid' },
        { ...service, id: '00000000-0000-4000-8000-000000000001', serviceNames: [] },
        {
          ...service,
          id: '00000000-0000-4000-8000-000000000002',
          areaType: 'LimitedType',
          areas: [{ type: 'Municipality', municipalities: [{ code: '999' }] }],
        },
        { hello: 'world' },
        {
          id: '00000000-0000-4000-8000-000000000003',
          organizationType: 'Municipality',
          organizationNames: [
            { type: 'Name', language: 'fi', value: 'Esimerkkikunta' },
            { type: 'Name', language: 'sv', value: 'Exempelkommun' },
          ],
          municipality: { code: '491' },
        },
      ],
    }),
  );
  return folder;
}

describe('import of PTV v11 exports', () => {
  it('loads services, channels and organisations, names each rejected record, and is idempotent', async () => {
    const store = createEmbeddedStore();
    const repository = new DirectoryRepository(store);
    await importCatalogue(repository, DEFAULT_DATA_ROOT, logger);
    const codes = await CodeCatalogue.load(repository);
    const folder = exportFolder();

    const first = await importPtvExport(repository, codes, folder);
    expect(first.files).toBe(5);
    expect(first.services).toEqual({ created: 1, updated: 1, unchanged: 0 }); // one was already in the labelled catalogue
    expect(first.channels).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(first.organisations.created).toBe(3); // one full record, two named by services
    expect(first.rejected).toEqual([
      { source: path.join(folder, 'broken.json'), reason: expect.stringMatching(/^not valid JSON/) },
      { source: `${path.join(folder, 'more.json')} #1`, reason: 'Service has no valid id (a UUID); got "not-a-uuid"' },
      { source: `${path.join(folder, 'more.json')} #2`, reason: 'Service 00000000-0000-4000-8000-000000000001 has no name in fi, sv or en' },
      {
        source: `${path.join(folder, 'more.json')} #3`,
        reason: 'Service 00000000-0000-4000-8000-000000000002 is limited to areas, but none of them is a known municipality or region',
      },
      {
        source: `${path.join(folder, 'more.json')} #4`,
        reason: 'not a PTV v11 Service, ServiceChannel or Organization (no serviceNames, serviceChannelType or organizationNames)',
      },
    ]);

    const second = await importPtvExport(repository, codes, folder);
    expect(second.services).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(second.channels).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(second.organisations).toEqual({ created: 0, updated: 0, unchanged: 1 });

    const service = await repository.services.findOne({ _id: '3668d250-cd80-45c4-abcc-9b2d3a2b3e42' });
    expect(service).toMatchObject({
      name: { fi: 'Nettilukio aikuisille' },
      origin: 'PTV_IMPORT',
      coverage: 'NATIONWIDE',
      fundingType: 'PUBLICLY_FUNDED',
      chargeType: 'FREE',
      serviceClasses: ['P6', 'P6.10', 'P6.13', 'P6.8'],
      targetGroups: ['KR1'],
      channelKinds: ['SERVICE_LOCATION'],
      providerId: 'df0c2f24-d2bd-4ba7-bdcd-fcfc9f0d65a7',
    });
    const channel = await repository.channels.findOne({ _id: '961f1a02-0eb7-4b5d-9721-6b9f2d14ec6f' });
    expect(channel).toMatchObject({
      kind: 'SERVICE_LOCATION',
      visitingAddresses: [{ street: 'Otavantie 2 B', postalCode: '50670', municipality: '491' }],
      phoneNumbers: [{ number: '+358 447943552', description: 'Opintoasiainvastaava', chargeInfo: 'Chargeable' }, { number: '+358 447943565' }],
    });
    expect(channel?.serviceHours[0]).toMatchObject({ type: 'STANDARD', days: [1], opens: '08:00', closes: '16:00' });
    await store.close();
  });

  it('serves and finds the imported records after a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-v11-store-'));
    const cli = path.join(__dirname, '..', 'cli', 'import-ptv.ts');
    const run = () =>
      spawnSync(process.execPath, ['-r', '@swc-node/register', '--conditions=aurora-source', cli, exportFolder()], {
        env: { ...process.env, AURORA_DATA_DIR: dataDir, MONGODB_URI: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
    const first = run();
    expect(first.status).toBe(2);
    expect(first.stdout).toMatch(/services\s+1 created, 1 updated, 0 unchanged/);
    expect(first.stdout).toMatch(/rejected\s+5/);
    expect(first.stdout).toContain('more.json #2: Service 00000000-0000-4000-8000-000000000001 has no name in fi, sv or en');
    expect(first.stderr).toMatch(/writing \d+\/\d+ records/);
    expect(run().stdout).toMatch(/services\s+0 created, 0 updated, 2 unchanged/);

    const store = createEmbeddedStore({ directory: path.join(dataDir, 'service-directory') });
    const server = await (await createServiceDirectory({ store, logger })).listen(0);
    try {
      const body = await postGraphQL(
        server.url,
        '{ services(filter: { text: "nettilukio", channelKinds: [SERVICE_LOCATION] }, first: 1) { edges { node { name origin provider { name } channels { ... on ServiceLocationChannel { name } } } } } }',
      );
      expect(body.data.services.edges[0].node).toEqual({
        name: 'Nettilukio aikuisille',
        origin: 'PTV_IMPORT',
        provider: { name: 'Mikkelin kaupungin liikelaitos Otavia' },
        channels: [{ name: 'Otavan Opisto / Otavia' }],
      });
    } finally {
      await server.close();
      await store.close();
    }
  }, 90_000);
});
