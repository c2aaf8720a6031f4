const preset = require('../jest.preset.js');

module.exports = {
  ...preset,
  transform: {
    ...preset.transform,
    // GraphQL Code Generator's plugins require auto-bind, which ships as an ES module only.
    '/node_modules/auto-bind/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!auto-bind/)'],
};
