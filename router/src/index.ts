export { createRouter, type Router, type RouterOptions } from './router';
export { loadConfig, DEFAULT_SUPERGRAPH_PATH, type RouterConfig } from './config';
export { newIdentityToken, PseudonymDeriver, loadRouterKey, IDENTITY_TOKEN } from './identity';
export { readSafelist } from './safelist';
export { DEFAULT_LIMITS, type RouterLimits } from './limits';
export { DEFAULT_RATE_LIMITS, NO_RATE_LIMITS, type RateLimits } from './rate-limit';
