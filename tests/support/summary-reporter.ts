/**
 * Prints one plain closing line, `N passed, N failed, N skipped`, after the default reporter, so any CI that reads
 * closing lines can count the run. A file or group whose set-up failed (a beforeAll that threw, a browser that did
 * not launch, a file that does not even load) counts as one failure and is named above the line: its tests only
 * show as skipped, and a line of "0 failed" over a red run is the one thing a person must never read.
 */
import type { Reporter, TestModule, TestSuite } from 'vitest/node';

type Entity = TestModule | TestSuite;

const failedTests = (entity: Entity) =>
  [...entity.children.allTests()].filter((test) => test.result().state === 'failed').length;

/** Failed where it stands: nothing below it (a test, a nested group) failed and explains its red state. */
function failedInSetUp(entity: Entity): boolean {
  if (entity.state() !== 'failed' || failedTests(entity) > 0) return false;
  return ![...entity.children.allSuites()].some((suite) => suite.state() === 'failed');
}

function describeEntity(entity: Entity): string {
  const where =
    entity.type === 'module' ? entity.relativeModuleId : `${entity.module.relativeModuleId} > ${entity.fullName}`;
  const error = entity.errors()[0];
  return error ? `${where}: ${error.message.split('\n')[0]}` : where;
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    const setUpFailures: string[] = [];
    for (const module of testModules) {
      for (const entity of [module, ...module.children.allSuites()]) {
        if (failedInSetUp(entity)) setUpFailures.push(describeEntity(entity));
      }
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    failed += setUpFailures.length;
    const named = setUpFailures.map((where) => `set-up failed (counted as 1 failed): ${where}\n`).join('');
    process.stdout.write(`\n${named}${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
