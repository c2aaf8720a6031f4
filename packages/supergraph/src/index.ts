export { secureSupergraph, allows, type AccessRule, type SecuredSupergraph } from './security';
