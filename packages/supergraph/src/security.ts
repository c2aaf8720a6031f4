import { parse, print, valueFromASTUntyped, visit, type ConstDirectiveNode, type DocumentNode } from 'graphql';

/** What a type or field of the supergraph asks of the caller. */
export interface AccessRule {
  authenticated: boolean;
  /** Any one of the inner lists, all of whose scopes are needed; null when no scopes are asked. */
  scopes: string[][] | null;
}

export interface SecuredSupergraph {
  /** The supergraph without the authorization features, which @apollo/gateway cannot load. */
  gatewaySdl: string;
  /** The rules removed from it, by `Type` or `Type.field`. */
  rules: Map<string, AccessRule>;
}

const SECURITY_FEATURES = /specs\.apollo\.dev\/(authenticated|requiresScopes|policy)\//;
const SECURITY_DIRECTIVES = new Set(['authenticated', 'requiresScopes', 'policy']);
const SECURITY_SCALARS = /^(requiresScopes__Scope|policy__Policy)$/;

function ruleOf(directives: readonly ConstDirectiveNode[] | undefined): AccessRule | null {
  let authenticated = false;
  let scopes: string[][] | null = null;
  for (const directive of directives ?? []) {
    if (directive.name.value === 'authenticated') authenticated = true;
    if (directive.name.value === 'requiresScopes') {
      const argument = directive.arguments?.find((candidate) => candidate.name.value === 'scopes');
      scopes = argument ? (valueFromASTUntyped(argument.value) as string[][]) : [];
      authenticated = true;
    }
  }
  return authenticated ? { authenticated, scopes } : null;
}

/**
 * Takes the authorization features (`@authenticated`, `@requiresScopes`) out of a composed
 * supergraph, for @apollo/gateway, which refuses to load them, and returns their rules so that
 * the router can enforce them itself, as Apollo's router does.
 */
export function secureSupergraph(supergraphSdl: string): SecuredSupergraph {
  const rules = new Map<string, AccessRule>();
  const document: DocumentNode = parse(supergraphSdl);
  const withoutSecurity = visit(document, {
    SchemaDefinition(node) {
      return { ...node, directives: node.directives?.filter((directive) => !(directive.name.value === 'link' && SECURITY_FEATURES.test(print(directive)))) };
    },
    DirectiveDefinition(node) {
      return SECURITY_DIRECTIVES.has(node.name.value) ? null : undefined;
    },
    ScalarTypeDefinition(node) {
      return SECURITY_SCALARS.test(node.name.value) ? null : undefined;
    },
    ObjectTypeDefinition: { enter: collect },
    InterfaceTypeDefinition: { enter: collect },
  });
  function collect(node: {
    name: { value: string };
    directives?: readonly ConstDirectiveNode[];
    fields?: readonly { name: { value: string }; directives?: readonly ConstDirectiveNode[] }[];
  }) {
    const typeRule = ruleOf(node.directives);
    if (typeRule) rules.set(node.name.value, typeRule);
    for (const field of node.fields ?? []) {
      const fieldRule = ruleOf(field.directives);
      if (fieldRule) rules.set(`${node.name.value}.${field.name.value}`, fieldRule);
    }
    const strip = <T extends { directives?: readonly ConstDirectiveNode[] }>(item: T): T => ({
      ...item,
      directives: item.directives?.filter((directive) => !SECURITY_DIRECTIVES.has(directive.name.value)),
    });
    return { ...strip(node), fields: node.fields?.map(strip) };
  }
  return { gatewaySdl: print(withoutSecurity), rules };
}

/** Whether a caller with these credentials meets a rule. */
export function allows(rule: AccessRule, caller: { authenticated: boolean; scopes: string[] }): 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' {
  if (rule.authenticated && !caller.authenticated) return 'UNAUTHENTICATED';
  if (rule.scopes && !rule.scopes.some((all) => all.every((scope) => caller.scopes.includes(scope))))
    return caller.authenticated ? 'FORBIDDEN' : 'UNAUTHENTICATED';
  return 'ok';
}
