import { allows, secureSupergraph } from '../index';

/** A composed supergraph's shape, reduced to what the authorization features touch. */
const supergraph = `schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/join/v0.5", for: EXECUTION)
  @link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)
  @link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)
{ query: Query }
directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
directive @requiresScopes(scopes: [[requiresScopes__Scope!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
scalar link__Import
scalar requiresScopes__Scope
enum link__Purpose { SECURITY EXECUTION }
type Query { details: VisitingDetails }
type VisitingDetails {
  parking: String
  staffNotes: String @requiresScopes(scopes: [["mikkeli:staff"]])
  directPhone: String @authenticated
}`;

describe('secureSupergraph', () => {
  it('takes the authorization features out and keeps their rules', () => {
    expect(supergraph).toContain('@requiresScopes');
    const { gatewaySdl, rules } = secureSupergraph(supergraph);
    expect(gatewaySdl).not.toMatch(/@authenticated|@requiresScopes|requiresScopes__Scope|specs\.apollo\.dev\/authenticated/);
    expect(gatewaySdl).toContain('staffNotes: String');
    expect(Object.fromEntries(rules)).toEqual({
      'VisitingDetails.staffNotes': { authenticated: true, scopes: [['mikkeli:staff']] },
      'VisitingDetails.directPhone': { authenticated: true, scopes: null },
    });
  });

  it('keeps type-level rules, and leaves a supergraph without them as it was', () => {
    const sdl = `schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY) { query: Query }
      directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
      directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
      scalar link__Import
      enum link__Purpose { SECURITY EXECUTION }
      type Query { a: Secret }
      type Secret @authenticated { b: Int }`;
    const secured = secureSupergraph(sdl);
    expect(Object.fromEntries(secured.rules)).toEqual({ Secret: { authenticated: true, scopes: null } });
    expect(secured.gatewaySdl).not.toContain('authenticated');
    expect(secureSupergraph(secured.gatewaySdl).rules.size).toBe(0);
  });
});

describe('allows', () => {
  it('tells signed-out, unscoped and scoped callers apart', () => {
    const staff = { authenticated: true, scopes: [['mikkeli:staff'], ['admin', 'audit']] };
    expect(allows(staff, { authenticated: false, scopes: [] })).toBe('UNAUTHENTICATED');
    expect(allows(staff, { authenticated: true, scopes: ['admin'] })).toBe('FORBIDDEN');
    expect(allows(staff, { authenticated: true, scopes: ['audit', 'admin'] })).toBe('ok');
    expect(allows(staff, { authenticated: true, scopes: ['mikkeli:staff'] })).toBe('ok');
    expect(allows({ authenticated: true, scopes: null }, { authenticated: true, scopes: [] })).toBe('ok');
  });
});
