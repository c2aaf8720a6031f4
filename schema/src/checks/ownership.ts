import { NETWORK_OWNER, type NetworkRules } from '@aurora/supergraph';
import type { Finding } from './finding';
import { readSchemaModel, topLevelFields, type TypeModel } from './schema-model';

/** A subgraph of the network with the organisation that publishes it. */
export interface OwnedSubgraph {
  name: string;
  sdl: string;
  /** The publishing organisation; the network's own subgraphs are NETWORK_OWNER's. */
  owner: string;
}

interface Declared {
  subgraph: string;
  owner: string;
  types: Map<string, TypeModel>;
}

const RULES_FILE = 'packages/supergraph/src/network-rules.ts';

/**
 * The common rules on who may hold what, for every subgraph of the network against all the
 * others: types and fields belong to the organisation whose subgraph defines them, and another
 * organisation may add fields to an entity but never take, hide, shadow or read the owner's
 * (`@override`, `@external` with `@requires`/`@provides`, `@inaccessible`, a field of the same
 * name, a changed copy of a value type, a new key); `Me` is the person and only the network's
 * personal-data subgraphs may extend it, each reading the profile only through the consent-gated
 * field of a purpose that names it. Each finding names the subgraph and coordinate.
 */
export function ownershipFindings(subgraphs: OwnedSubgraph[], rules: NetworkRules): Finding[] {
  const declared: Declared[] = subgraphs.map((subgraph) => ({ subgraph: subgraph.name, owner: subgraph.owner, types: readSchemaModel(subgraph.sdl) }));
  return declared.flatMap((subgraph) => findingsFor(subgraph, declared, rules));
}

function findingsFor(subject: Declared, all: Declared[], rules: NetworkRules): Finding[] {
  const findings: Finding[] = [];
  const add = (rule: string, coordinate: string, message: string, fix: string) =>
    findings.push({ rule, severity: 'error', coordinate, subgraph: subject.subgraph, message, fix });
  const others = all.filter((candidate) => candidate.owner !== subject.owner);
  const ownerOf = (subgraph: string) => all.find((candidate) => candidate.subgraph === subgraph)?.owner;
  const describe = (holder: Declared) =>
    `subgraph ${holder.subgraph}${holder.owner === NETWORK_OWNER ? " (the network's own)" : ` (organisation ${holder.owner})`}`;

  for (const type of subject.types.values()) {
    for (const feature of new Set(type.unsupported)) {
      add(
        'unsupported-feature',
        type.name,
        `@${feature} is a federation feature the network's router cannot run; a supergraph with it would stop every router from taking new versions.`,
        `Remove @${feature}.`,
      );
    }
    if (type.name === 'Me' && subject.subgraph !== rules.profileSubgraph) {
      findings.push(...meFindings(subject, type, rules));
      continue;
    }
    const holders = others.filter((candidate) => candidate.types.has(type.name));
    if (holders.length === 0) continue;
    const [holder] = holders as [Declared];
    const theirs = holder.types.get(type.name) as TypeModel;
    if (type.inaccessible)
      add(
        'ownership/inaccessible',
        type.name,
        `${type.name} belongs to ${describe(holder)}; @inaccessible here would hide it from every client of the network.`,
        `Remove @inaccessible from ${type.name}.`,
      );

    if (type.kind === 'object' || type.kind === 'interface') {
      const ownerKeys = new Set(holders.flatMap((candidate) => (candidate.types.get(type.name) as TypeModel).keys.map((key) => key.fields)));
      const keyFields = new Set([...ownerKeys].flatMap((fields) => topLevelFields(fields)));
      for (const key of type.keys) {
        if (!ownerKeys.has(key.fields)) {
          add(
            'ownership/entity-key',
            type.name,
            `${type.name} belongs to ${describe(holder)}, which does not key it by "${key.fields}"; only the owner may add a key to its entity.`,
            `Use one of the owner's keys: ${[...ownerKeys].map((fields) => `@key(fields: "${fields}")`).join(', ') || `none; ${type.name} is not an entity, so name your own type`}.`,
          );
        }
      }
      for (const [field, model] of type.fields) {
        const coordinate = `${type.name}.${field}`;
        const fieldHolder = holders.find((candidate) => {
          const theirField = (candidate.types.get(type.name) as TypeModel).fields.get(field);
          return theirField && !theirField.external;
        });
        if (model.inaccessible && theirs.fields.has(field)) {
          add(
            'ownership/inaccessible',
            coordinate,
            `${coordinate} belongs to ${describe(holder)}; @inaccessible here would hide it from every client of the network.`,
            `Remove @inaccessible from ${coordinate}.`,
          );
        }
        if (model.overrideFrom !== null && ownerOf(model.overrideFrom) !== undefined && ownerOf(model.overrideFrom) !== subject.owner) {
          add(
            'ownership/override',
            coordinate,
            `@override(from: "${model.overrideFrom}") would take ${coordinate} from another organisation's subgraph: its requests would come here instead.`,
            `Remove @override; add a field of your own name if the service offers something new.`,
          );
          continue;
        }
        if (keyFields.has(field)) continue;
        if (!fieldHolder) continue;
        if (model.external) {
          add(
            'ownership/external',
            coordinate,
            `${coordinate} belongs to ${describe(fieldHolder)}; marking it @external (for @requires or @provides) would make this subgraph read or answer another organisation's field.`,
            `Remove ${field} from ${type.name} and any @requires or @provides naming it; ask the owner for what you need.`,
          );
        } else {
          add(
            'ownership/field',
            coordinate,
            `${coordinate} belongs to ${describe(fieldHolder)}; another organisation may add new fields to ${type.name} but not resolve the owner's.`,
            `Remove ${field}, or give the field a name of your own.`,
          );
        }
      }
    } else {
      const mine =
        type.kind === 'enum' || type.kind === 'union'
          ? [...type.members].sort()
          : [...type.fields].map(([field, model]) => `${field}${model.signature}`).sort();
      const copy =
        theirs.kind === 'enum' || theirs.kind === 'union'
          ? [...theirs.members].sort()
          : [...theirs.fields].map(([field, model]) => `${field}${model.signature}`).sort();
      if (type.kind !== theirs.kind || mine.join('|') !== copy.join('|')) {
        add(
          'ownership/value-type',
          type.name,
          `${type.name} belongs to ${describe(holder)}; a copy of it in another organisation's subgraph must be identical, or composition would change it for everyone (${type.kind === theirs.kind ? `it has ${mine.join(', ') || 'nothing'}; the owner has ${copy.join(', ') || 'nothing'}` : `it is a ${type.kind} here and a ${theirs.kind} there`}).`,
          `Copy ${type.name} exactly as the owner declares it, or name your own type.`,
        );
      }
      for (const [member, model] of type.fields) {
        if (model.inaccessible)
          add(
            'ownership/inaccessible',
            `${type.name}.${member}`,
            `${type.name} belongs to ${describe(holder)}; @inaccessible here would hide ${type.name}.${member} from every client of the network.`,
            `Remove @inaccessible from ${type.name}.${member}.`,
          );
      }
    }
  }
  return findings;
}

/** `Me` outside the profile: only personal-data subgraphs, and the profile read only through a purpose that names them. */
function meFindings(subject: Declared, type: TypeModel, rules: NetworkRules): Finding[] {
  const findings: Finding[] = [];
  const add = (rule: string, coordinate: string, message: string, fix: string) =>
    findings.push({ rule, severity: 'error', coordinate, subgraph: subject.subgraph, message, fix });
  // A purpose's recipient that keeps no personal data may still extend Me, to read its purpose's field inside the request.
  const recipient = rules.purposes.some((purpose) => purpose.recipients.includes(subject.subgraph));
  if (!rules.personalDataSubgraphs.includes(subject.subgraph) && !recipient) {
    add(
      'personal-data/me',
      'Me',
      `Me is the person making the request; only the network's personal-data subgraphs (${rules.personalDataSubgraphs.join(', ')}) and the recipients of a consent purpose may add fields to it or hold its key, and ${subject.subgraph} is neither.`,
      `Remove Me from the schema. A service that needs the person's attributes asks the network for a consent purpose naming it (${RULES_FILE}); the person then decides what it receives.`,
    );
    return findings;
  }
  const readable = new Set(rules.purposes.filter((purpose) => purpose.recipients.includes(subject.subgraph)).map((purpose) => purpose.field));
  const purposes = rules.purposes.map((purpose) => `${purpose.field} → ${purpose.recipients.join(', ') || 'no subgraph yet'}`).join('; ');
  const keyFields = new Set(type.keys.flatMap((key) => topLevelFields(key.fields)));
  for (const [field, model] of type.fields) {
    const coordinate = `Me.${field}`;
    if (model.overrideFrom !== null) {
      add(
        'ownership/override',
        coordinate,
        `@override on Me would take ${coordinate} from the subgraph that answers it now.`,
        'Remove @override; add a field of your own name.',
      );
    }
    if (model.external && !keyFields.has(field) && !readable.has(field)) {
      add(
        'personal-data/consent-purpose',
        coordinate,
        `${coordinate} is the profile's; ${subject.subgraph} may read the person's attributes only through the consent-gated field of a purpose that names it as recipient (${purposes}).`,
        `Remove ${field}; read ${[...readable].join(' or ') || 'nothing of the profile'} instead, or ask the network for a purpose naming ${subject.subgraph} (${RULES_FILE}).`,
      );
    }
    for (const [directive, fieldSet] of [
      ['@requires', model.requires],
      ['@provides', model.provides],
    ] as const) {
      if (fieldSet === null) continue;
      const unreadable = topLevelFields(fieldSet).filter((name) => !readable.has(name) || directive === '@provides');
      if (unreadable.length > 0) {
        add(
          'personal-data/consent-purpose',
          coordinate,
          `${directive}(fields: "${fieldSet}") on ${coordinate} reads ${unreadable.join(', ')} of the person; ${subject.subgraph} may read only the consent-gated field of a purpose that names it as recipient (${purposes}).`,
          `Require ${[...readable].join(' or ') || 'nothing of the profile'} instead, or ask the network for a purpose naming ${subject.subgraph} (${RULES_FILE}).`,
        );
      }
    }
  }
  return findings;
}
