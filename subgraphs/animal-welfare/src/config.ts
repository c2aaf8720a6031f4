/** The animal-welfare subgraph's settings; the only place its environment is read. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const port = Number(env.PORT ?? 4005);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number; it was ${env.PORT}.`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    /** Where the association publishes its services to the directory, through the network. */
    routerUrl: env.AURORA_ROUTER_URL ?? 'http://localhost:4000/graphql',
    /** The association's provider token; without it, its services are not published. */
    providerToken: env.AURORA_PROVIDER_TOKEN,
  };
}
