// The dependency rules of the README ("Repository layout"), checked by `npm run lint:deps`, which
// `npm test` runs first. Workspaces import each other by package name; the `aurora-source` export
// condition resolves those names to the TypeScript sources, so a rule sees the real folders.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'subgraph-imports-subgraph',
      comment: 'A subgraph imports only shared packages and libraries: subgraphs meet only through the supergraph.',
      severity: 'error',
      from: { path: '^subgraphs/([^/]+)/' },
      to: { path: '^subgraphs/', pathNot: '^subgraphs/$1/' },
    },
    {
      name: 'subgraph-imports-router-or-schema',
      comment: 'A subgraph never imports the router or the schema workspace.',
      severity: 'error',
      from: { path: '^subgraphs/' },
      to: { path: '^(router|schema|registry|scripts)/' },
    },
    {
      name: 'router-imports-subgraph',
      comment: 'The router knows subgraphs through the supergraph and the registry, never through their code.',
      severity: 'error',
      from: { path: '^router/' },
      to: { path: '^(subgraphs|schema|registry|scripts)/' },
    },
    {
      name: 'router-imports-subgraph-kit',
      comment: 'The router is not a subgraph: it builds on @aurora/service-kit, the parts every service shares (its tests may start subgraphs).',
      severity: 'error',
      from: { path: '^router/src/', pathNot: '__tests__' },
      to: { path: '^packages/subgraph-kit/' },
    },
    {
      name: 'package-imports-workspace-above',
      comment: 'Shared packages import no subgraph, router, schema or scripts workspace.',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^(subgraphs|router|schema|registry|scripts)/' },
    },
    {
      name: 'schema-imports-registry',
      comment: 'Composition and review are build time; the registry (a running service) builds on them, never the other way.',
      severity: 'error',
      from: { path: '^schema/' },
      to: { path: '^(registry|router)/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles: a cycle makes load order matter and the parts inseparable.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['aurora-source', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
