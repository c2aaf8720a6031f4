export { createServiceDirectory, printSchema, typeDefs, SUBGRAPH_NAME, type ServiceDirectoryOptions } from './subgraph';
export { DirectoryRepository } from './repository';
export { importCatalogue } from './import/import-catalogue';
export { DEFAULT_DATA_ROOT, SourceDataError } from './import/read-source';
export { loadConfig } from './config';
