/**
 * The comparison point of `npm run bench -- router`: plain @apollo/gateway in @apollo/server with
 * default settings, over the same supergraph (its authorization features taken out, which the
 * gateway cannot load) and the same subgraphs.
 */
import * as fs from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { secureSupergraph } from '@aurora/supergraph';

async function main(): Promise<void> {
  const [supergraphFile, port, urls] = process.argv.slice(2);
  const overrides = Object.fromEntries(
    (urls ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => pair.split('=') as [string, string]),
  );
  const gateway = new ApolloGateway({
    supergraphSdl: secureSupergraph(fs.readFileSync(supergraphFile as string, 'utf8')).gatewaySdl,
    buildService: ({ name, url }) => new RemoteGraphQLDataSource({ url: overrides[name] ?? url }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: Number(port), host: '127.0.0.1' } });
  process.stdout.write(`plain gateway at ${url}\n`);
}

void main();
