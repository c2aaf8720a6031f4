import { NETWORK_OWNER, type NetworkRules } from '@aurora/supergraph';
import type { Finding } from './finding';
import type { OwnedSubgraph } from './ownership';
import { readSchemaModel, topLevelFields, type TypeModel } from './schema-model';

interface Declared {
  subgraph: string;
  owner: string;
  types: Map<string, TypeModel>;
}

/**
 * Failures stay local: a field one subgraph adds to an entity whose home is another subgraph is
 * fetched from it separately, and when that subgraph is down the router can only answer null for
 * the field. A non-null field would pass the null up to the entity itself (and on up to the
 * nearest nullable parent, often `data`), so one organisation's outage would empty everyone's
 * answer. Such contributed fields must therefore be nullable.
 *
 * The home of an entity is the profile for `Me`; otherwise the network's own subgraph that
 * resolves it, or else the subgraph that declares most of its fields.
 */
export function availabilityFindings(subgraphs: OwnedSubgraph[], rules: NetworkRules): Finding[] {
  const declared: Declared[] = subgraphs.map((subgraph) => ({ subgraph: subgraph.name, owner: subgraph.owner, types: readSchemaModel(subgraph.sdl) }));
  const findings: Finding[] = [];
  const entityNames = new Set(declared.flatMap((subgraph) => [...subgraph.types.values()].filter((type) => type.keys.length > 0).map((type) => type.name)));
  for (const name of entityNames) {
    // Only a subgraph the router can enter by key is fetched separately for its fields.
    const resolving = declared.filter((subgraph) => subgraph.types.get(name)?.keys.some((key) => key.resolvable));
    if (resolving.length < 2) continue;
    const home = homeOf(name, resolving, rules);
    for (const subject of resolving) {
      if (subject === home) continue;
      const type = subject.types.get(name) as TypeModel;
      const keyFields = new Set(type.keys.flatMap((key) => topLevelFields(key.fields)));
      for (const [field, model] of type.fields) {
        if (model.nullable || model.external || keyFields.has(field)) continue;
        const coordinate = `${name}.${field}`;
        findings.push({
          rule: 'availability/contributed-field-nullable',
          severity: 'error',
          coordinate,
          subgraph: subject.subgraph,
          message: `${coordinate} is added by ${subject.subgraph} to ${name}, whose home is subgraph ${home.subgraph}; as a non-null field, an outage of ${subject.subgraph} would null every ${name} it is asked for (and the answers around it), not only this field.`,
          fix: `Make ${field} nullable (remove the last "!" of its type, ${model.signature.slice(model.signature.lastIndexOf(': ') + 2)}); clients then get every other field and an error naming ${subject.subgraph}.`,
        });
      }
    }
  }
  return findings;
}

function homeOf(name: string, resolving: Declared[], rules: NetworkRules): Declared {
  if (name === 'Me') {
    const profile = resolving.find((subgraph) => subgraph.subgraph === rules.profileSubgraph);
    if (profile) return profile;
  }
  const own = (subgraph: Declared) => (subgraph.owner === NETWORK_OWNER ? 1 : 0);
  const fieldCount = (subgraph: Declared) => [...(subgraph.types.get(name) as TypeModel).fields.values()].filter((field) => !field.external).length;
  return [...resolving].sort((a, b) => own(b) - own(a) || fieldCount(b) - fieldCount(a))[0] as Declared;
}
