import { createMongoStore } from '../index';
import { describeStoreContract } from './store-contract';

// Only collected when MONGODB_URI is set (see jest.config.js, which says so when it is not).
const uri = process.env.MONGODB_URI ?? '';

describeStoreContract('mongodb', async () => createMongoStore({ uri, database: 'aurora_store_contract' }));
