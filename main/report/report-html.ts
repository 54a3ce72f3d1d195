/**
 * The engagement report: one self-contained HTML file (inline CSS and SVG, no script, no external file) that any
 * browser opens offline and prints to PDF.
 */
import { escapeHtml } from './escape.js';
import type { ReportData } from './report-data.js';
import { apiUse, holds, overview, rejected, runs } from './report-sections.js';

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#111827;margin:0;background:#fff}
main{max-width:960px;margin:0 auto;padding:32px 40px}
header{border-bottom:3px solid #2563eb;margin-bottom:24px;padding-bottom:12px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px;border-bottom:1px solid #e5e7eb;padding-bottom:4px}
h3{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#6b7280;margin:0 0 4px}
.muted{color:#6b7280}.tiles{display:flex;flex-wrap:wrap;gap:12px}
.tile{border:1px solid #e5e7eb;border-radius:8px;padding:10px 14px;min-width:150px;flex:1}
.tile p{margin:2px 0}.big{font-size:22px;font-weight:600}
table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:13px}
th,td{border-bottom:1px solid #e5e7eb;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f9fafb;font-weight:600}.num{text-align:right}.ids{font-family:ui-monospace,monospace;font-size:12px;color:#374151}
.bad{color:#dc2626}.fix{background:#eff6ff;border-left:3px solid #2563eb;padding:8px 12px}
figure{margin:8px 0 12px}figcaption{color:#6b7280;font-size:12px}.key{margin-left:12px}
.key i{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:middle}
svg text{fill:#374151}
@media print{main{padding:0}section{break-inside:avoid-page}h2{break-after:avoid}@page{margin:16mm}}
`;

export function renderReport(d: ReportData): string {
  const title = 'Salesforce ⇄ HubSpot engagement report';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${CSS}</style></head>
<body><main><header><h1>${escapeHtml(title)}</h1>
<p class="muted">Generated ${escapeHtml(d.generatedAt.replace('T', ' ').slice(0, 16))} UTC from ${escapeHtml(d.dataDir)}</p></header>
${overview(d)}${runs(d)}${rejected(d)}${holds(d)}${apiUse(d)}
</main></body></html>
`;
}
