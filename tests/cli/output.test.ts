/** The shared CLI output helpers: progress bar and lines, tables, streamed JSON. */
import { PassThrough } from 'node:stream';
import { expect, test } from 'vitest';
import { writeJsonWithArray } from '../../main/cli/output/json.js';
import { formatDuration, formatProgress, progressDisplay } from '../../main/cli/output/progress.js';
import { formatTable } from '../../main/cli/output/table.js';
import { phaseLabels } from '../../shared/contract/index.js';

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c) => (text += c));
  return { stream, text: () => text };
}

test('a progress line speaks in records and phases a person knows: done / total, %, rate per second and ETA', () => {
  const line = formatProgress({ label: phaseLabels.execute, done: 1200, total: 5000, elapsedMs: 4000 }, 10);
  expect(line).toMatch(/^Writing records +\[##--------\] {2}1,200 \/ 5,000 {2}24% {2}300\/s {2}ETA 0:13$/);
  const reading = formatProgress({
    label: phaseLabels['refresh-salesforce'],
    done: 1200,
    total: 2000,
    elapsedMs: 1000,
  });
  expect(reading).toContain('Reading Salesforce accounts');
  expect(reading).toContain('1,200 / 2,000');
  expect(formatProgress({ label: phaseLabels.plan, done: 500, total: null, elapsedMs: 1000 })).toMatch(
    /^Planning accounts +500 {2}500\/s$/,
  );
  expect(formatDuration(3725)).toBe('1:02:05');
});

test('on a terminal the bar is redrawn in place at most every 100 ms, and cleared at the end', () => {
  const { stream, text } = capture();
  let now = 0;
  const display = progressDisplay(stream, { tty: true, now: () => now });
  display.update({ runId: 'r', phase: 'execute', label: phaseLabels['execute'], done: 0, total: 100 });
  now = 50;
  display.update({ runId: 'r', phase: 'execute', label: phaseLabels['execute'], done: 10, total: 100 });
  now = 150;
  display.update({ runId: 'r', phase: 'execute', label: phaseLabels['execute'], done: 30, total: 100 });
  display.finish();
  const draws = text().split('\r\x1b[2K').filter(Boolean);
  expect(draws).toHaveLength(2);
  expect(draws[1]).toContain('30 / 100  30%  200/s  ETA 0:00');
  expect(text().endsWith('\r\x1b[2K')).toBe(true);
});

test('off a terminal: plain lines, one per finished phase and one every 5 s in a long phase', () => {
  const { stream, text } = capture();
  let now = 0;
  const display = progressDisplay(stream, { tty: false, now: () => now });
  display.update({
    runId: 'r',
    phase: 'refresh-salesforce',
    label: phaseLabels['refresh-salesforce'],
    done: 1000,
    total: null,
  });
  now = 2000;
  display.update({
    runId: 'r',
    phase: 'refresh-salesforce',
    label: phaseLabels['refresh-salesforce'],
    done: 4000,
    total: null,
  });
  display.update({ runId: 'r', phase: 'execute', label: phaseLabels['execute'], done: 0, total: 1000 });
  now = 7100;
  display.update({ runId: 'r', phase: 'execute', label: phaseLabels['execute'], done: 510, total: 1000 });
  display.update({ runId: 'r', phase: 'done', label: phaseLabels['done'], done: 1000, total: 1000 });
  display.finish();
  const lines = text().trimEnd().split('\n');
  expect(text()).not.toContain('\r');
  expect(lines).toHaveLength(3);
  expect(lines[0]).toMatch(/^Reading Salesforce accounts +4,000 {2}2,000\/s$/);
  expect(lines[1]).toMatch(/^Writing records .* 510 \/ 1,000 {2}51% {2}100\/s {2}ETA 0:05$/);
  // The closing `done` event carries the last phase's final count (the engine throttles the ones before it).
  expect(lines[2]).toMatch(/^Writing records .* 1,000 \/ 1,000 {2}100% {2}196\/s$/);
});

test('tables pad columns, right-align numbers and cut long cells', () => {
  const lines = formatTable(
    [{ header: 'NAME' }, { header: 'N', align: 'right' }, { header: 'NOTE', max: 6 }],
    [
      ['a', 5, 'short'],
      ['longer', 12, 'much too long'],
    ],
  );
  expect(lines).toEqual(['NAME     N  NOTE', '------  --  ------', 'a        5  short', 'longer  12  much …']);
});

test('JSON with a streamed array is one valid object', async () => {
  const { stream, text } = capture();
  async function* items() {
    yield { seq: 1 };
    yield { seq: 2 };
  }
  expect(await writeJsonWithArray(stream, { runId: 'r' }, 'ops', items())).toBe(2);
  expect(JSON.parse(text())).toEqual({ runId: 'r', ops: [{ seq: 1 }, { seq: 2 }] });
  const empty = capture();
  await writeJsonWithArray(empty.stream, {}, 'ops', []);
  expect(JSON.parse(empty.text())).toEqual({ ops: [] });
});
