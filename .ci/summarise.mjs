// Adds up the test counts of every runner CI ran and prints "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';

const [dir, stepFailuresArg] = process.argv.slice(2);
const stepFailures = Number(stepFailuresArg ?? 0);
let passed = 0;
let failed = 0;

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  } catch {
    return null;
  }
}

for (const file of ['pglite.json', 'postgres.json']) {
  const report = read(file);
  if (!report) {
    console.log(`${file}: no report (the run did not finish)`);
    failed += 1;
    continue;
  }
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  console.log(
    `vitest ${file.replace('.json', '')}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`,
  );
}

const e2e = read('e2e.json');
if (!e2e) {
  console.log('e2e: no report (the run did not finish)');
  failed += 1;
} else {
  const stats = e2e.stats ?? {};
  const ok = (stats.expected ?? 0) + (stats.flaky ?? 0);
  const bad = stats.unexpected ?? 0;
  passed += ok;
  failed += bad;
  console.log(`e2e: ${ok} passed, ${bad} failed`);
}

if (stepFailures > 0 && failed === 0) {
  console.log(`${stepFailures} step(s) failed (typecheck, lint or a runner)`);
  failed += stepFailures;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
