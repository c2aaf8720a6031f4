import fc from 'fast-check';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';

/**
 * Random and adversarial requests for the router, built with fast-check: garbage text, operations
 * walked at random through the real schema (wrong argument types, huge strings, unknown fields,
 * deep nesting, many aliases, fragments that spread each other), and real operations with hostile
 * variables (thousands of unknown keys, deep JSON, wrong types). `npm test` runs a fixed seed;
 * `npm run fuzz` runs many more with a seed of its own, printed to replay a failure.
 */
export interface FuzzRequest {
  kind: string;
  body: string;
  headers?: Record<string, string>;
}

export async function readSchema(routerUrl: string): Promise<GraphQLSchema> {
  const response = await fetch(routerUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const { data } = (await response.json()) as { data: IntrospectionQuery };
  return buildClientSchema(data);
}

/** mulberry32: the walk through the schema is a pure function of the seed fast-check picked. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  };
}
type Random = ReturnType<typeof random>;

const HOSTILE_STRINGS = [
  '',
  ' ',
  '"',
  '\\',
  '\u0000',
  '💥'.repeat(50),
  'a'.repeat(20_000),
  'velka '.repeat(3000),
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as text on purpose
  '${7*7}',
  '<script>alert(1)</script>',
  '{"$gt": ""}',
  'KE999',
  '-1',
  '1e309',
  'x'.repeat(200),
];
const HOSTILE_NUMBERS = [0, -1, 1, 3, 101, 2 ** 31, -(2 ** 31) - 1, 1e308, 0.5, Number.MAX_SAFE_INTEGER];

function literal(type: GraphQLInputType, rng: Random, depth: number): string {
  if (rng.chance(0.08)) return rng.pick(['null', '"wrong type"', '12345678901234567890', '[1, 2, 3]', '{ unknownField: 1 }', 'true', 'NOT_AN_ENUM']);
  if (isNonNullType(type)) return literal(type.ofType, rng, depth);
  if (isListType(type)) return `[${Array.from({ length: rng.int(rng.chance(0.05) ? 300 : 4) }, () => literal(type.ofType, rng, depth + 1)).join(', ')}]`;
  const named = getNamedType(type);
  if (isEnumType(named)) return rng.pick(named.getValues()).name;
  if (isInputObjectType(named)) {
    if (depth > 4) return '{}';
    const fields = Object.values(named.getFields()).filter((field) => isNonNullType(field.type) || rng.chance(0.5));
    return `{ ${fields.map((field) => `${field.name}: ${literal(field.type, rng, depth + 1)}`).join(', ')} }`;
  }
  if (isScalarType(named)) {
    if (named.name === 'Int' || named.name === 'Float') return String(rng.pick(HOSTILE_NUMBERS));
    if (named.name === 'Boolean') return rng.pick(['true', 'false']);
    return JSON.stringify(rng.pick(HOSTILE_STRINGS));
  }
  return 'null';
}

function selection(type: GraphQLNamedType, schema: GraphQLSchema, rng: Random, depth: number, maxDepth: number): string {
  if (isLeafType(type)) return '';
  if (isUnionType(type) || isInterfaceType(type)) {
    const members = isUnionType(type) ? type.getTypes() : schema.getPossibleTypes(type);
    const parts = [
      '__typename',
      ...members.filter(() => rng.chance(0.4)).map((member) => `... on ${member.name} ${selection(member, schema, rng, depth, maxDepth)}`),
    ];
    return `{ ${parts.join(' ')} }`;
  }
  if (!isObjectType(type)) return '';
  const fields = Object.values(type.getFields()) as GraphQLField<unknown, unknown>[];
  const chosen = Array.from({ length: 1 + rng.int(4) }, () => rng.pick(fields));
  const parts = chosen.map((field) => {
    const alias = rng.chance(0.1) ? `a${rng.int(1000)}: ` : '';
    const args = field.args.filter((arg) => isNonNullType(arg.type) || rng.chance(0.5));
    const argText = args.length ? `(${args.map((arg) => `${arg.name}: ${literal(arg.type, rng, 0)}`).join(', ')})` : '';
    const inner = getNamedType(field.type);
    if (isLeafType(inner)) return `${alias}${field.name}${argText}`;
    // Past the walk's depth a leaf stands in, so that the selection stays valid.
    if (depth >= maxDepth) return `${alias}${field.name}${argText} { __typename }`;
    return `${alias}${field.name}${argText} ${selection(inner, schema, rng, depth + 1, maxDepth)}`;
  });
  if (rng.chance(0.1)) parts.push(`unknownField${rng.int(100)}`);
  return `{ ${parts.join(' ')} }`;
}

/** Every kind of request a hostile or careless client can send. */
export function requests(schema: GraphQLSchema): fc.Arbitrary<FuzzRequest> {
  const json = (query: unknown, variables?: unknown, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ query, ...(variables === undefined ? {} : { variables }), ...extra });
  const walked = fc.record({ seed: fc.integer(), maxDepth: fc.integer({ min: 1, max: 16 }), mutation: fc.boolean() }).map(({ seed, maxDepth, mutation }) => {
    const rng = random(seed);
    const root = mutation && rng.chance(0.3) ? schema.getMutationType() : schema.getQueryType();
    return {
      kind: 'walked',
      body: json(`${root === schema.getMutationType() ? 'mutation ' : ''}${selection(root as GraphQLNamedType, schema, rng, 0, maxDepth)}`),
    };
  });
  const garbage = fc.oneof(
    fc.string({ maxLength: 3000 }).map((text) => ({ kind: 'garbage text', body: json(text) })),
    fc.string({ unit: 'binary', maxLength: 500 }).map((text) => ({ kind: 'garbage unicode', body: json(text) })),
    fc.string({ maxLength: 300 }).map((text) => ({ kind: 'not json', body: text })),
    fc.jsonValue({ maxDepth: 6 }).map((value) => ({ kind: 'json instead of a request', body: JSON.stringify(value) })),
    fc.jsonValue({ maxDepth: 4 }).map((value) => ({ kind: 'query of another type', body: json(value) })),
  );
  const nested = fc.integer({ min: 10, max: 3000 }).map((depth) => ({
    kind: 'deep nesting',
    body: json(`{ ${'services { edges { node { '.repeat(Math.ceil(depth / 3))}id${' } } }'.repeat(Math.ceil(depth / 3))} }`),
  }));
  const aliases = fc
    .integer({ min: 31, max: 2000 })
    .map((count) => ({ kind: 'many aliases', body: json(`{ ${Array.from({ length: count }, (_, index) => `a${index}: lifeEvents { code }`).join(' ')} }`) }));
  const fragments = fc.integer({ min: 2, max: 60 }).map((count) => ({
    kind: 'fragments spreading each other',
    body: json(
      `{ ...F0 } ${Array.from({ length: count }, (_, index) => `fragment F${index} on Query { lifeEvents { code } ...F${(index + 1) % count} }`).join(' ')}`,
    ),
  }));
  const hostileVariables = fc.oneof(
    fc.dictionary(fc.string({ minLength: 1, maxLength: 30 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3000 }),
    fc.jsonValue({ maxDepth: 12 }),
    fc.record(
      {
        lifeEvents: fc.array(fc.string({ maxLength: 40 }), { maxLength: 500 }),
        municipality: fc.oneof(fc.string(), fc.integer()),
        wellbeing: fc.dictionary(fc.string({ maxLength: 12 }), fc.integer()),
      },
      { requiredKeys: [] },
    ),
  );
  const withVariables = fc
    .record({
      operation: fc.constantFrom(
        'query($s: SituationInput!) { recommendServicePackages(situation: $s, first: 2) { title } }',
        'query($f: ServiceFilter, $n: Int, $a: String) { services(filter: $f, first: $n, after: $a) { totalCount edges { node { id } } } }',
        'query($ids: [ID!]!) { servicesByIds: services(filter: { organisations: $ids }, first: 3) { totalCount } }',
        'mutation($m: String!, $id: ID) { chat(sessionId: $id, message: $m) { reply } }',
      ),
      variables: fc.record(
        {
          s: hostileVariables,
          f: hostileVariables,
          n: fc.oneof(fc.integer(), fc.string()),
          a: fc.string({ maxLength: 200 }),
          ids: fc.array(fc.string({ maxLength: 50 }), { maxLength: 2000 }),
          m: fc.string({ maxLength: 5000 }),
          id: fc.string({ maxLength: 60 }),
        },
        { requiredKeys: [] },
      ),
    })
    .map(({ operation, variables }) => ({ kind: 'hostile variables', body: json(operation, variables) }));
  const tokens = fc.oneof(
    fc.constant('Bearer'),
    fc.string({ maxLength: 100 }).map((token) => `Bearer ${token}`),
    fc.constant(`Bearer ${'a'.repeat(43)}`),
    fc.constant('Bearer eyJhbGciOiJub25lIn0.eyJvcmciOiJldmlsIn0.'),
    fc.string({ maxLength: 200 }),
  );
  const withToken = fc.tuple(walked, tokens).map(([request, authorization]) => ({ ...request, kind: 'walked with a bad token', headers: { authorization } }));
  const operationNames = fc.string({ maxLength: 200 }).map((name) => ({
    kind: 'unknown operation name',
    body: json('query A { lifeEvents { code } } query B { lifeEvents { code } }', {}, { operationName: name }),
  }));
  return fc.oneof(
    { arbitrary: walked, weight: 5 },
    { arbitrary: garbage, weight: 2 },
    nested,
    aliases,
    fragments,
    { arbitrary: withVariables, weight: 3 },
    withToken,
    operationNames,
  );
}

/** Codes a client may get for a bad request; anything else (INTERNAL_SERVER_ERROR above all) is a router failure. */
export const CLIENT_ERROR_CODES = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'PAYLOAD_TOO_LARGE',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'RESPONSE_TOO_LARGE',
  'DEADLINE_EXCEEDED',
  'RATE_LIMITED',
  'NOT_READY',
]);

export interface FuzzAnswer {
  status: number;
  ms: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } | null;
  text: string;
}

export async function send(routerUrl: string, request: FuzzRequest, timeoutMs: number): Promise<FuzzAnswer> {
  const started = performance.now();
  const response = await fetch(routerUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...request.headers },
    body: request.body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let body: FuzzAnswer['body'] = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, ms: performance.now() - started, body, text };
}

/** What is wrong with an answer, or null: a coded error a client can act on, no trace of the router's inside. */
export function faultOf(answer: FuzzAnswer, maxMs: number): string | null {
  if (answer.ms > maxMs) return `took ${Math.round(answer.ms)} ms (bound ${maxMs} ms)`;
  if (answer.status >= 500) return `HTTP ${answer.status}`;
  if (!answer.body || typeof answer.body !== 'object') return `not a JSON answer: ${answer.text.slice(0, 200)}`;
  if (/\bat [\w.<>]+ \(|node_modules|stacktrace/i.test(answer.text)) return `leaks a stack trace: ${answer.text.slice(0, 300)}`;
  for (const error of answer.body.errors ?? []) {
    const code = String(error.extensions?.code);
    if (!CLIENT_ERROR_CODES.has(code)) return `error code ${code}: ${error.message.slice(0, 300)}`;
    if (error.message.length > 1100) return `an error of ${error.message.length} characters`;
  }
  if (answer.body.errors === undefined && answer.body.data === undefined) return 'neither data nor errors';
  return null;
}
