// Removes the run's temporary folder that jest.global-setup.js made.
const fs = require('node:fs');

module.exports = async () => {
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: set by jest.global-setup.js in this same process, not passed in by turbo
  const folder = process.env.AURORA_TEST_RUN_FOLDER;
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
};
