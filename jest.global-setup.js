// Every workspace's jest run puts its temporary files (stores, keys, data folders the suites make
// with os.tmpdir()) into one folder of its own, which jest.global-teardown.js removes: test runs
// leave nothing behind in the machine's temp folder.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-test-run-'));
  process.env.AURORA_TEST_RUN_FOLDER = folder;
  // os.tmpdir() reads TMPDIR on each call; the test workers and the processes they start inherit it.
  process.env.TMPDIR = folder;
};
