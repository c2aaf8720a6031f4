export { createKelaSubgraph, networkSubgraph, printSchema, SUBGRAPH_NAME, type KelaOptions } from './subgraph';
export { EXAMPLE_BENEFITS } from './example-data';
export { loadConfig } from './config';
