export { createHowAmIDoingSubgraph, networkSubgraph, printSchema, SUBGRAPH_NAME, type HowAmIDoingOptions } from './subgraph';
export { METERS, LINKS, SOURCES } from './model';
