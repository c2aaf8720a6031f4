export { createMikkeliSubgraph, networkSubgraph, printSchema, typeDefs, SUBGRAPH_NAME, type MikkeliOptions } from './subgraph';
export { EXAMPLE_VISITING_DETAILS } from './example-data';
export { loadConfig } from './config';
