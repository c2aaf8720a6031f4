export { createProfileSubgraph, networkSubgraph, printSchema, typeDefs, SUBGRAPH_NAME, type ProfileOptions } from './subgraph';
export { loadConfig } from './config';
