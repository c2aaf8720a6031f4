import { createHash } from 'node:crypto';
import type { Collection, DocumentStore, StoredDocument } from '@aurora/store';
import { GraphQLError, parse } from 'graphql';
import { type AcceptedChange, checkNetwork, type Finding, hasErrors } from '@aurora/schema';
import { federationLink } from '@aurora/subgraph-kit';
import { NETWORK_OWNER, NETWORK_RULES } from '@aurora/supergraph';

export interface RegisteredSubgraph {
  name: string;
  url: string;
  sdl: string;
  /** The organisation that published it; only it (or an administrator) may publish it again. */
  owner: string;
}

/** One state of the network: every subgraph and the supergraph they compose to. */
export interface Version extends StoredDocument {
  version: number;
  subgraphs: RegisteredSubgraph[];
  supergraphSdl: string;
  etag: string;
  createdAt: string;
  /** What made this version: a publish, a rollback, or the initial seed. */
  change: { action: 'seed' | 'publish' | 'rollback'; subgraph?: string; by?: string; toVersion?: number };
}

export type PublishOutcome = { ok: true; version: number; warnings: Finding[] } | { ok: false; status: 400 | 403 | 422; errors: Finding[] | string[] };

const etagOf = (sdl: string) => `"${createHash('sha256').update(sdl).digest('base64url').slice(0, 27)}"`;
const key = (version: number) => `v${String(version).padStart(8, '0')}`;

/**
 * The schema registry: every version of the network's subgraphs, kept in its own store. A
 * publish runs the network's review (composition, the common rules, breaking changes against the
 * current supergraph); what fails is refused with the findings and changes nothing.
 */
export class SchemaRegistry {
  private readonly versions: Collection<Version>;

  constructor(
    store: DocumentStore,
    private readonly accepted: () => AcceptedChange[],
  ) {
    this.versions = store.collection<Version>('versions');
  }

  async current(): Promise<Version | null> {
    const [latest] = await this.versions.find({}, { sort: { version: -1 }, limit: 1 });
    return latest ?? null;
  }

  async history(): Promise<Omit<Version, 'subgraphs' | 'supergraphSdl'>[]> {
    const all = await this.versions.find({}, { sort: { version: -1 }, projection: { version: 1, etag: 1, createdAt: 1, change: 1 } });
    return all as Omit<Version, 'subgraphs' | 'supergraphSdl'>[];
  }

  private async save(subgraphs: RegisteredSubgraph[], supergraphSdl: string, change: Version['change']): Promise<Version> {
    const version = ((await this.current())?.version ?? 0) + 1;
    const document: Version = {
      _id: key(version),
      version,
      subgraphs,
      supergraphSdl,
      etag: etagOf(supergraphSdl),
      createdAt: new Date().toISOString(),
      change,
    };
    await this.versions.insertOne(document);
    return document;
  }

  /** The first version, from the subgraphs the network starts with; does nothing when there is one. */
  async seed(subgraphs: RegisteredSubgraph[]): Promise<Version> {
    const existing = await this.current();
    if (existing) return existing;
    const review = await checkNetwork(subgraphs, null, []);
    if (!review.supergraphSdl || hasErrors(review.findings)) throw new Error('The seed subgraphs do not pass the review.');
    return this.save(subgraphs, review.supergraphSdl, { action: 'seed' });
  }

  async publish(input: { name: string; url: string; sdl: string }, publisher: { organisation: string; admin: boolean }): Promise<PublishOutcome> {
    if (!/^[a-z][a-z0-9-]{1,40}$/.test(input.name))
      return { ok: false, status: 400, errors: ['name must be lower-case letters, digits and dashes, 2–41 characters.'] };
    let url: URL;
    try {
      url = new URL(input.url);
    } catch {
      return { ok: false, status: 400, errors: [`url "${input.url}" is not an address.`] };
    }
    if (!/^https?:$/.test(url.protocol)) return { ok: false, status: 400, errors: ['url must be http(s).'] };
    try {
      parse(input.sdl);
    } catch (error) {
      const location = error instanceof GraphQLError ? error.locations?.[0] : undefined;
      return { ok: false, status: 400, errors: [`sdl line ${location?.line ?? 1}, column ${location?.column ?? 1}: ${(error as Error).message}`] };
    }
    const current = await this.current();
    const existing = current?.subgraphs.find((subgraph) => subgraph.name === input.name);
    if (existing && existing.owner !== publisher.organisation && !publisher.admin) {
      return { ok: false, status: 403, errors: [`Subgraph ${input.name} belongs to another organisation.`] };
    }
    // A core subgraph's name carries the network's trust (pseudonyms, personal data), even while it is absent.
    if (!existing && NETWORK_RULES.coreSubgraphs.includes(input.name) && publisher.organisation !== NETWORK_OWNER && !publisher.admin) {
      return { ok: false, status: 403, errors: [`The name ${input.name} is reserved for the network's own subgraph; publish under a name of your own.`] };
    }
    const sdl = input.sdl.includes('specs.apollo.dev/federation/') ? input.sdl : `${federationLink()}\n${input.sdl}`;
    const next: RegisteredSubgraph[] = [
      ...(current?.subgraphs ?? []).filter((subgraph) => subgraph.name !== input.name),
      { name: input.name, url: url.toString(), sdl, owner: existing?.owner ?? publisher.organisation },
    ].sort((a, b) => a.name.localeCompare(b.name));
    const review = await checkNetwork(next, current?.supergraphSdl ?? null, this.accepted());
    const relevant = review.findings.filter((finding) => !finding.subgraph || finding.subgraph === input.name);
    if (!review.supergraphSdl || hasErrors(relevant)) return { ok: false, status: 422, errors: relevant.filter((finding) => finding.severity === 'error') };
    const saved = await this.save(next, review.supergraphSdl, { action: 'publish', subgraph: input.name, by: publisher.organisation });
    return { ok: true, version: saved.version, warnings: relevant };
  }

  /** Makes an earlier version current again, as a new version (history is never rewritten). */
  async rollback(toVersion: number, by: string): Promise<Version | null> {
    const target = await this.versions.findOne({ _id: key(toVersion) });
    if (!target) return null;
    return this.save(target.subgraphs, target.supergraphSdl, { action: 'rollback', toVersion, by });
  }
}
