import {
  Kind,
  parse,
  print,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
} from 'graphql';

/** One field of a type as one subgraph declares it, with the federation directives that matter to ownership. */
export interface FieldModel {
  external: boolean;
  inaccessible: boolean;
  /** The field set of `@requires`, `@provides`; the subgraph named by `@override(from:)`. */
  requires: string | null;
  provides: string | null;
  overrideFrom: string | null;
  /** Whether the field's type allows null (an outage of the subgraph answering it then nulls only the field). */
  nullable: boolean;
  /** The field's arguments and type, printed, to compare copies. */
  signature: string;
}

export type TypeKind = 'object' | 'interface' | 'input' | 'enum' | 'union' | 'scalar';

/** One type as one subgraph declares it. */
export interface TypeModel {
  name: string;
  kind: TypeKind;
  /** `@key` field sets, white space folded. */
  keys: { fields: string; resolvable: boolean }[];
  inaccessible: boolean;
  fields: Map<string, FieldModel>;
  /** Enum values or union members, as declared. */
  members: string[];
  /** Directives whose federation name is in UNSUPPORTED_DIRECTIVES, wherever they stand in the type. */
  unsupported: string[];
}

/** Federation features the network's router cannot run; a supergraph using them would stop every router's updates. */
export const UNSUPPORTED_DIRECTIVES = new Set(['context', 'fromContext', 'policy']);

const FEDERATION_TYPE = /^(_Service|_Any|_Entity|_FieldSet|FieldSet|link__.*|federation__.*|join__.*)$/;
const fold = (text: string) => text.replace(/[\s,]+/g, ' ').trim();

/**
 * Local directive names → federation names, read from the schema's own `@link` of the federation
 * spec: plain imports, imports renamed with `as`, and the namespaced `@federation__x` form (or the
 * link's own `as` prefix). A rogue schema cannot hide `@override` behind another name this way.
 */
function federationNames(document: DocumentNode): Map<string, string> {
  const names = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_EXTENSION && definition.kind !== Kind.SCHEMA_DEFINITION) continue;
    for (const link of definition.directives ?? []) {
      if (link.name.value !== 'link') continue;
      const argument = (name: string) => link.arguments?.find((candidate) => candidate.name.value === name)?.value;
      const url = argument('url');
      if (url?.kind !== Kind.STRING || !url.value.includes('specs.apollo.dev/federation/')) continue;
      const prefix = argument('as');
      const namespace = prefix?.kind === Kind.STRING ? prefix.value : 'federation';
      names.set(`${namespace}__`, '*');
      const imports = argument('import');
      for (const item of imports?.kind === Kind.LIST ? imports.values : []) {
        if (item.kind === Kind.STRING) names.set(item.value.replace(/^@/, ''), item.value.replace(/^@/, ''));
        if (item.kind === Kind.OBJECT) {
          const field = (name: string) => item.fields.find((candidate) => candidate.name.value === name)?.value;
          const original = field('name');
          const alias = field('as');
          if (original?.kind === Kind.STRING)
            names.set((alias?.kind === Kind.STRING ? alias.value : original.value).replace(/^@/, ''), original.value.replace(/^@/, ''));
        }
      }
    }
  }
  if (names.size === 0) names.set('federation__', '*');
  return names;
}

function canonical(names: Map<string, string>, directive: string): string | null {
  const imported = names.get(directive);
  if (imported) return imported;
  for (const [prefix, kind] of names) if (kind === '*' && directive.startsWith(prefix)) return directive.slice(prefix.length);
  return null;
}

function stringArgument(directive: ConstDirectiveNode, name: string): string | null {
  const value = directive.arguments?.find((candidate) => candidate.name.value === name)?.value;
  return value?.kind === Kind.STRING ? value.value : null;
}

type TypeNodeLike = Extract<DefinitionNode, { name: { value: string } }> & { directives?: readonly ConstDirectiveNode[] };

const KINDS: Partial<Record<Kind, TypeKind>> = {
  [Kind.OBJECT_TYPE_DEFINITION]: 'object',
  [Kind.OBJECT_TYPE_EXTENSION]: 'object',
  [Kind.INTERFACE_TYPE_DEFINITION]: 'interface',
  [Kind.INTERFACE_TYPE_EXTENSION]: 'interface',
  [Kind.INPUT_OBJECT_TYPE_DEFINITION]: 'input',
  [Kind.INPUT_OBJECT_TYPE_EXTENSION]: 'input',
  [Kind.ENUM_TYPE_DEFINITION]: 'enum',
  [Kind.ENUM_TYPE_EXTENSION]: 'enum',
  [Kind.UNION_TYPE_DEFINITION]: 'union',
  [Kind.UNION_TYPE_EXTENSION]: 'union',
  [Kind.SCALAR_TYPE_DEFINITION]: 'scalar',
  [Kind.SCALAR_TYPE_EXTENSION]: 'scalar',
};

/** The types one subgraph's schema declares (definitions and extensions merged), read for the ownership rules. */
export function readSchemaModel(sdl: string): Map<string, TypeModel> {
  const document = parse(sdl);
  const names = federationNames(document);
  const types = new Map<string, TypeModel>();
  for (const definition of document.definitions) {
    const kind = KINDS[definition.kind];
    if (!kind) continue;
    const node = definition as TypeNodeLike;
    const name = node.name.value;
    if (FEDERATION_TYPE.test(name)) continue;
    const type: TypeModel = types.get(name) ?? { name, kind, keys: [], inaccessible: false, fields: new Map(), members: [], unsupported: [] };
    types.set(name, type);
    const federated = (directives: readonly ConstDirectiveNode[] | undefined) =>
      (directives ?? [])
        .map((directive) => ({ directive, name: canonical(names, directive.name.value) }))
        .filter((entry): entry is { directive: ConstDirectiveNode; name: string } => entry.name !== null);
    let typeExternal = false;
    for (const { directive, name: federationName } of federated(node.directives)) {
      if (federationName === 'key') {
        const resolvable = directive.arguments?.find((candidate) => candidate.name.value === 'resolvable')?.value;
        type.keys.push({ fields: fold(stringArgument(directive, 'fields') ?? ''), resolvable: !(resolvable?.kind === Kind.BOOLEAN && !resolvable.value) });
      }
      if (federationName === 'external') typeExternal = true;
      if (federationName === 'inaccessible') type.inaccessible = true;
      if (UNSUPPORTED_DIRECTIVES.has(federationName)) type.unsupported.push(federationName);
    }
    if ('values' in node && node.values) {
      for (const value of node.values) {
        type.members.push(value.name.value);
        for (const { name: federationName } of federated(value.directives)) {
          if (federationName === 'inaccessible')
            type.fields.set(value.name.value, {
              external: false,
              inaccessible: true,
              requires: null,
              provides: null,
              overrideFrom: null,
              nullable: true,
              signature: '',
            });
        }
      }
    }
    if ('types' in node && node.types) type.members.push(...node.types.map((member) => member.name.value));
    const fields = ('fields' in node ? (node.fields as readonly (FieldDefinitionNode | InputValueDefinitionNode)[] | undefined) : undefined) ?? [];
    for (const field of fields) {
      const model: FieldModel = {
        external: typeExternal,
        inaccessible: false,
        requires: null,
        provides: null,
        overrideFrom: null,
        nullable: field.type.kind !== Kind.NON_NULL_TYPE,
        signature: signatureOf(field),
      };
      for (const { directive, name: federationName } of federated(field.directives)) {
        if (federationName === 'external') model.external = true;
        if (federationName === 'inaccessible') model.inaccessible = true;
        if (federationName === 'requires') model.requires = fold(stringArgument(directive, 'fields') ?? '');
        if (federationName === 'provides') model.provides = fold(stringArgument(directive, 'fields') ?? '');
        if (federationName === 'override') model.overrideFrom = stringArgument(directive, 'from') ?? '';
        if (UNSUPPORTED_DIRECTIVES.has(federationName)) type.unsupported.push(federationName);
      }
      for (const argument of field.kind === Kind.FIELD_DEFINITION ? (field.arguments ?? []) : []) {
        for (const { name: federationName } of federated(argument.directives))
          if (UNSUPPORTED_DIRECTIVES.has(federationName)) type.unsupported.push(federationName);
      }
      type.fields.set(field.name.value, model);
    }
  }
  return types;
}

function signatureOf(field: FieldDefinitionNode | InputValueDefinitionNode): string {
  const args =
    field.kind === Kind.FIELD_DEFINITION && field.arguments?.length
      ? `(${field.arguments.map((argument) => `${argument.name.value}: ${print(argument.type)}`).join(', ')})`
      : '';
  return `${args}: ${print(field.type)}`;
}

/** The top-level field names of a federation field set such as `attributes { age }`. */
export function topLevelFields(fieldSet: string): string[] {
  try {
    const [operation] = parse(`{ ${fieldSet} }`).definitions;
    if (operation?.kind !== Kind.OPERATION_DEFINITION) return [];
    return operation.selectionSet.selections.map((selection) => (selection.kind === Kind.FIELD ? selection.name.value : '...'));
  } catch {
    return ['(unreadable field set)'];
  }
}
