#!/usr/bin/env node
// Sums the Jest and Playwright JSON results in a folder and prints one line: `N passed, N failed`.
// A test file that failed to load counts as a failure; so does a step that produced no results
// (its name is passed as `--missing name`).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, ...rest] = process.argv.slice(2);
let passed = 0;
let failed = 0;
const notes = [];

for (const file of existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : []) {
  let data;
  try {
    data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  } catch {
    failed += 1;
    notes.push(`${file}: unreadable results`);
    continue;
  }
  if (typeof data.numPassedTests === 'number') {
    passed += data.numPassedTests;
    failed += data.numFailedTests + data.numRuntimeErrorTestSuites;
    notes.push(
      `${file}: ${data.numPassedTests} passed, ${data.numFailedTests} failed, ${data.numRuntimeErrorTestSuites} suites failed to load`,
    );
  } else if (data.stats) {
    const ok = data.stats.expected + (data.stats.flaky ?? 0);
    const bad = data.stats.unexpected + (data.errors?.length ?? 0);
    passed += ok;
    failed += bad;
    notes.push(`${file}: ${ok} passed, ${bad} failed, ${data.stats.skipped} skipped`);
  }
}
for (let i = 0; i < rest.length; i += 2) {
  if (rest[i] === '--failed-step') {
    failed += 1;
    notes.push(`step failed: ${rest[i + 1]}`);
  }
}
for (const note of notes) console.log(`  ${note}`);
console.log(`${passed} passed, ${failed} failed`);
