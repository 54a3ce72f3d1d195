import { emptyRunCounts } from '../../../shared/contract/index.js';
// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { ok } from '../../../shared/contract/result.js';
import type { RunSummary } from '../../../shared/contract/runs.js';
import { ApiProvider } from '../../../renderer/src/client/context.js';
import { RunIndicator } from '../../../renderer/src/components/RunIndicator.js';
import { fakeApi } from './fake-api.js';

afterEach(cleanup);

const counts = emptyRunCounts();
const summary = (state: RunSummary['state']): RunSummary => ({
  runId: 'run_1',
  kind: 'import',
  state,
  dryRun: false,
  counts,
  error: null,
  resumed: false,
  createdAt: '2026-01-01T00:00:00.000Z',
});

test('the header shows an active run with phase and percent, links to Import, and goes when the run ends', () => {
  const fake = fakeApi(() => ok(null));
  render(
    <ApiProvider api={fake.api}>
      <RunIndicator />
    </ApiProvider>,
  );
  expect(screen.queryByRole('link')).toBeNull();
  act(() => fake.emit('run', summary('running')));
  act(() => fake.emit('progress', { runId: 'run_1', phase: 'execute', done: 50, total: 200 }));
  const link = screen.getByRole('link');
  expect(link.getAttribute('href')).toBe('#/import');
  expect(screen.getByRole('status').textContent).toBe('Import: Writing records · 25 %');
  expect(screen.getByRole('progressbar').getAttribute('value')).toBe('250');
  act(() => fake.emit('run', summary('completed')));
  expect(screen.queryByRole('link')).toBeNull();
});

test('while reading (total unknown) the bar is indeterminate', () => {
  const fake = fakeApi(() => ok(null));
  render(
    <ApiProvider api={fake.api}>
      <RunIndicator />
    </ApiProvider>,
  );
  act(() => fake.emit('progress', { runId: 'run_2', phase: 'refresh-salesforce', done: 2000, total: null }));
  expect(screen.getByRole('status').textContent).toBe('Run: Reading Salesforce accounts…');
  expect(screen.getByRole('progressbar').hasAttribute('value')).toBe(false);
});
