/** `sfhs report --out FILE`: the engagement report for the client, one self-contained HTML file (print it to PDF). */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../app/errors.js';
import { type CliCommand, exitCodes, print } from '../command.js';
import { printJson } from '../output/json.js';
import { stringOption } from '../output/options.js';

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'write the engagement report: one HTML file with connections, runs, refused values, holds and API use',
  usage: [
    '--out FILE      where to write it (open it in any browser; print it to PDF from there)',
    '--json          {file, bytes}',
  ],
  options: { out: { type: 'string' } },
  async run(ctx, { values }) {
    const out = stringOption(values, 'out');
    if (!out) throw new AppError('VALIDATION', 'Say where to write the report: sfhs report --out report.html');
    const { html } = await ctx.services().handlers.buildReport({});
    const file = resolve(out);
    writeFileSync(file, html, 'utf8');
    if (ctx.json) printJson(ctx.stdout, { file, bytes: Buffer.byteLength(html) });
    else print(ctx.stdout, `Report written to ${file}. Open it in a browser; print it to PDF from there.`);
    return exitCodes.ok;
  },
};
