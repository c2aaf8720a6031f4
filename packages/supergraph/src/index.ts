export { secureSupergraph, allows, type AccessRule, type SecuredSupergraph } from './security';
export { NETWORK_OWNER, NETWORK_RULES, keepsPersonalData, type ConsentPurposeRule, type NetworkRules } from './network-rules';
