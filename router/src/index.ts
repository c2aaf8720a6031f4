export { createRouter, type Router, type RouterOptions } from './router';
export { loadConfig, DEFAULT_SUPERGRAPH_PATH, type RouterConfig } from './config';
