/** What each request to the chatbot carries: the router's pseudonym for the person, and a provider's token. */
export interface ChatbotContext {
  pseudonym: string | null;
  authorization: string | undefined;
}
