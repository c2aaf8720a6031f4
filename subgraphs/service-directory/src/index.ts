export { createServiceDirectory, networkSubgraph, printSchema, typeDefs, SUBGRAPH_NAME, type ServiceDirectoryOptions } from './subgraph';
export type { SearchAnalysis } from './search/search-index';
export { DirectoryRepository } from './repository';
export { importCatalogue } from './import/import-catalogue';
export { DEFAULT_DATA_ROOT, SourceDataError } from './import/read-source';
export { loadConfig } from './config';
