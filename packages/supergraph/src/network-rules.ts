/**
 * The network's common rules as data: who may hold what. The schema review (the registry's
 * publish, `schema:check`, `schema:check-subgraph`) enforces them on schemas; the router enforces
 * them on every request (who receives a pseudonym, a provider token, the personal-data secret).
 * Changing them is a change to the network's governance, made here and reviewed like code.
 */

/** The organisation that owns the network's own subgraphs in the registry. */
export const NETWORK_OWNER = 'aurora-network';

/** A consent purpose: the field of `Me` that carries what the person shares for it, and who may read it. */
export interface ConsentPurposeRule {
  purpose: string;
  /** The profile's field on `Me` with the attributes shared for this purpose. */
  field: string;
  /** The subgraphs that may read the field through `@requires`; no other subgraph may. */
  recipients: readonly string[];
}

export interface NetworkRules {
  /** The subgraph that owns `Me` and the person's attributes. */
  profileSubgraph: string;
  /**
   * The subgraphs that keep personal data under their own pseudonym: they alone receive the
   * person's pseudonym and the personal-data interface's secret, and may extend `Me`.
   */
  personalDataSubgraphs: readonly string[];
  /** Network subgraphs that verify provider tokens themselves (besides a provider's own subgraphs). */
  providerTokenSubgraphs: readonly string[];
  /** Names only the network itself may publish under. */
  coreSubgraphs: readonly string[];
  purposes: readonly ConsentPurposeRule[];
}

export const NETWORK_RULES: NetworkRules = {
  profileSubgraph: 'profile',
  personalDataSubgraphs: ['profile', 'recommendation', 'chatbot', 'how-am-i-doing', 'mikkeli'],
  // The directory checks publishing rights; the chatbot checks who redeems a transfer code.
  providerTokenSubgraphs: ['service-directory', 'chatbot'],
  coreSubgraphs: ['service-directory', 'profile', 'recommendation', 'chatbot', 'how-am-i-doing', 'registry', 'router'],
  purposes: [
    { purpose: 'RECOMMENDATION', field: 'recommendationAttributes', recipients: ['recommendation'] },
    // Handed over by the chatbot's one-time transfer codes; no subgraph reads it through @requires yet.
    { purpose: 'SERVICE_TRANSFER', field: 'serviceTransferAttributes', recipients: [] },
    // Eligibility checks read what the person shares inside the request; the recipient keeps nothing.
    { purpose: 'ELIGIBILITY', field: 'eligibilityAttributes', recipients: ['kela'] },
  ],
};

/** Whether the subgraph keeps personal data by the network's rules. */
export const keepsPersonalData = (rules: NetworkRules, subgraph: string): boolean => rules.personalDataSubgraphs.includes(subgraph);
