export { SchemaRegistry, type RegisteredSubgraph, type Version, type PublishOutcome } from './registry';
export { createRegistryServer, PUBLISH_SCOPE as REGISTRY_PUBLISH_SCOPE, ADMIN_SCOPE as REGISTRY_ADMIN_SCOPE } from './server';
