// Shared jest settings for every workspace: tests transpile with SWC (type checking is the
// separate `typecheck` task), and workspace packages resolve to their TypeScript sources.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['aurora-source', 'node', 'node-addons'] },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  testMatch: ['<rootDir>/src/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // One temporary folder per run, removed at its end.
  globalSetup: require.resolve('./jest.global-setup.js'),
  globalTeardown: require.resolve('./jest.global-teardown.js'),
  // Suites start real servers over the real catalogue; on a loaded 2-core machine that takes seconds.
  testTimeout: 60_000,
  // turbo already runs two workspaces at once; one test file at a time each keeps a 2-core machine responsive.
  maxWorkers: 1,
};
