import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEmbeddedStore } from '../index';
import { describeStoreContract } from './store-contract';

describeStoreContract('embedded, in memory', async () => createEmbeddedStore());

describeStoreContract('embedded, in files', async () => createEmbeddedStore({ directory: fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-store-')) }));
