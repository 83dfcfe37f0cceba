'use strict';
// mocha's spec reporter, followed by the one plain line CI reads: "N passed, N failed[, N skipped]".
// The same line goes to test-output/summary.txt so .ci/run can repeat it as its very last line.
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

const { EVENT_RUN_END, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    runner.on(EVENT_TEST_PASS, () => passed++);
    // a failing hook fails the tests it guards; mocha reports it once, and so do we
    runner.on(EVENT_TEST_FAIL, () => failed++);
    runner.on(EVENT_TEST_PENDING, () => skipped++);
    runner.once(EVENT_RUN_END, () => {
      const line = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
      const dir = path.resolve(__dirname, '..', 'test-output');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'summary.txt'), `${line}\n`);
      process.stdout.write(`\n${line}\n`);
    });
  }
}

module.exports = SummaryReporter;
