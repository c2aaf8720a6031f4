import { Kind, parse, type ConstDirectiveNode, type DefinitionNode, type FieldDefinitionNode, type InputValueDefinitionNode, type TypeNode } from 'graphql';
import type { Finding } from './finding';

/** Subgraphs allowed to define fields that hold personal data about a person. */
// The chatbot's session transfer hands the receiving service what the person told the chatbot, with consent.
export const PERSONAL_DATA_SUBGRAPHS = new Set(['profile', 'chatbot']);

/** Field names that hold personal data wherever they appear. */
const PERSONAL_FIELDS =
  /^(age|birthDate|dateOfBirth|birthday|personalIdentityCode|socialSecurityNumber|ssn|hetu|firstName|lastName|fullName|gender|homeAddress|wellbeing|healthStatus)$/;

const PASCAL = /^[A-Z][A-Za-z0-9]*$/;
const CAMEL = /^[a-z][A-Za-z0-9]*$/;
const UPPER = /^[A-Z][A-Z0-9_]*$/;
const FEDERATION_TYPE = /^(_Service|_Any|_Entity|_FieldSet|link__.*|federation__.*|join__.*)$/;
const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

type TypeDefinition = Extract<DefinitionNode, { name: { value: string } }> & { description?: { value: string }; directives?: readonly ConstDirectiveNode[] };

const named = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : named(type.type));
const isList = (type: TypeNode): boolean => (type.kind === Kind.LIST_TYPE ? true : type.kind === Kind.NON_NULL_TYPE ? isList(type.type) : false);
const has = (directives: readonly ConstDirectiveNode[] | undefined, name: string) => (directives ?? []).some((directive) => directive.name.value === name);

/**
 * The network's common rules for one subgraph's schema: descriptions on every public type and
 * field, naming conventions, an `@key` on every object that has an id, Relay connections for
 * root lists of entities, and personal-data fields only in the profile subgraph.
 */
export function lintSubgraph(subgraph: string, sdl: string): Finding[] {
  const findings: Finding[] = [];
  const add = (rule: string, coordinate: string, message: string, fix: string) =>
    findings.push({ rule, severity: 'error', coordinate, subgraph, message, fix });
  const definitions = parse(sdl).definitions.filter((definition): definition is TypeDefinition => 'name' in definition && !!definition.name);
  const _entities = new Set(definitions.filter((definition) => has(definition.directives, 'key')).map((definition) => definition.name.value));
  // Types other subgraphs can fetch by key; a `resolvable: false` key only names a value (a package built per request).
  const resolvable = new Set(definitions.filter((definition) => resolvableKey(definition.directives)).map((definition) => definition.name.value));

  for (const definition of definitions) {
    const type = definition.name.value;
    if (FEDERATION_TYPE.test(type) || definition.kind === Kind.DIRECTIVE_DEFINITION) continue;
    const external = has(definition.directives, 'external');
    if (!ROOTS.has(type) && !external && !definition.description?.value.trim()) {
      add('description', type, 'The type has no description.', 'Add a description saying what it stands for; frontends read it in their tools.');
    }
    if (!PASCAL.test(type))
      add(
        'naming',
        type,
        'Type names are PascalCase.',
        `Rename it, for example to ${type.charAt(0).toUpperCase()}${type.slice(1).replace(/_(\w)/g, (_, c: string) => c.toUpperCase())}.`,
      );
    if (definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION && !/(Input|Filter)$/.test(type)) {
      add('naming', type, 'Input type names end in "Input" (or "Filter" for filters).', `Rename it to ${type}Input.`);
    }
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION) {
      for (const value of definition.values ?? []) {
        if (!UPPER.test(value.name.value))
          add('naming', `${type}.${value.name.value}`, 'Enum values are UPPER_SNAKE_CASE.', `Rename it to ${value.name.value.toUpperCase()}.`);
        if (!value.description?.value.trim()) add('description', `${type}.${value.name.value}`, 'The enum value has no description.', 'Add a description.');
      }
    }
    const fields = ('fields' in definition ? (definition.fields as readonly (FieldDefinitionNode | InputValueDefinitionNode)[] | undefined) : undefined) ?? [];
    const hasId = fields.some((field) => field.name.value === 'id' && named(field.type) === 'ID');
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION && hasId && !ROOTS.has(type) && !has(definition.directives, 'key')) {
      add(
        'entity-key',
        type,
        'An object with an id is an entity and needs an @key so that other subgraphs can refer to it.',
        `Add @key(fields: "id") to ${type}.`,
      );
    }
    for (const field of fields) {
      const name = field.name.value;
      const coordinate = `${type}.${name}`;
      if (name.startsWith('_')) continue;
      const fieldExternal = external || has(field.directives, 'external');
      if (!fieldExternal && !field.description?.value.trim())
        add('description', coordinate, 'The field has no description.', 'Add a description saying what the field holds and, for lists, in which order.');
      if (!CAMEL.test(name)) add('naming', coordinate, 'Field names are camelCase.', 'Rename the field in camelCase.');
      // Inputs are exempt: a request may carry what the person chooses to send, for that request only.
      if (!fieldExternal && field.kind === Kind.FIELD_DEFINITION && PERSONAL_FIELDS.test(name) && !PERSONAL_DATA_SUBGRAPHS.has(subgraph)) {
        add(
          'personal-data',
          coordinate,
          'The field holds personal data, which only the profile subgraph may keep.',
          'Read it from the profile through @requires on a consented purpose field instead of defining it here.',
        );
      }
      if (type === 'Query' && field.kind === Kind.FIELD_DEFINITION && isList(field.type) && resolvable.has(named(field.type))) {
        add(
          'relay-connection',
          coordinate,
          `The list of ${named(field.type)} entities can grow without bound.`,
          `Return a Relay connection (${named(field.type)}Connection with edges, pageInfo and totalCount) with first/after arguments.`,
        );
      }
      if (field.kind === Kind.FIELD_DEFINITION) {
        for (const argument of field.arguments ?? []) {
          if (!CAMEL.test(argument.name.value))
            add('naming', `${coordinate}.${argument.name.value}`, 'Argument names are camelCase.', 'Rename the argument in camelCase.');
        }
      }
    }
  }
  return findings;
}

function resolvableKey(directives: readonly ConstDirectiveNode[] | undefined): boolean {
  return (directives ?? []).some(
    (directive) =>
      directive.name.value === 'key' &&
      !(directive.arguments ?? []).some(
        (argument) => argument.name.value === 'resolvable' && argument.value.kind === Kind.BOOLEAN && argument.value.value === false,
      ),
  );
}
