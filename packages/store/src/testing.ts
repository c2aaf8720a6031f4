/** What tests use to watch a store: not part of the store's public entry point (`@aurora/store/testing`). */
export { countingStore, type StoreOperation } from './counting-store';
