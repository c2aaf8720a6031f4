const preset = require('../../jest.preset.js');

// The MongoDB run of the store contract needs a server; say plainly when it does not run.
const mongodbUri = process.env.MONGODB_URI;
if (!mongodbUri) {
  process.stdout.write(
    '\n[store] MongoDB contract suite SKIPPED: MONGODB_URI is not set. ' +
      'Set it (for example mongodb://localhost:27017) to run the same contract against MongoDB.\n\n',
  );
}

module.exports = {
  ...preset,
  testPathIgnorePatterns: [...preset.testPathIgnorePatterns, ...(mongodbUri ? [] : ['/mongodb\\.test\\.ts$'])],
};
