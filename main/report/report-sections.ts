/** The report's sections, each a piece of HTML built from the report data (every value escaped). */
import type { ConnectionStatus } from '../../shared/contract/index.js';
import { barChart } from './charts.js';
import { escapeHtml as e } from './escape.js';
import type { ReportData, RunLine } from './report-data.js';

const n = (v: number | null | undefined) => (v ?? 0).toLocaleString('en');
const day = (iso: string) => iso.replace('T', ' ').slice(0, 16);
const BLUE = '#2563eb';
const ORANGE = '#ea580c';
const RED = '#dc2626';

function connection(name: string, c: ConnectionStatus): string {
  const state = c.connected ? 'Connected' : 'Not connected';
  return `<div class="tile"><h3>${e(name)}</h3><p class="big">${e(state)}</p>
    <p>${e(c.label ?? '')}${c.accountId ? ` · ${e(c.accountId)}` : ''}</p><p class="muted">${e(c.user ?? '')} ${e(c.instanceUrl ?? '')}</p></div>`;
}

export function overview(d: ReportData): string {
  const h = d.health;
  const tiles = [
    ['Salesforce accounts', h.accounts],
    ['HubSpot companies', h.companies],
    ['Linked pairs', h.links],
    ['Held for review', h.holds],
    ['Waiting for a retry', h.retries.length],
  ]
    .map(([label, value]) => `<div class="tile"><h3>${e(label)}</h3><p class="big">${n(value as number)}</p></div>`)
    .join('');
  return `<section><h2>Connections</h2><div class="tiles">${connection('Salesforce', d.connections.salesforce)}${connection('HubSpot', d.connections.hubspot)}</div>
    <h2>Where things stand</h2><div class="tiles">${tiles}</div></section>`;
}

const writes = (s: RunLine['toHubSpot']) =>
  `${n(s.created)} created · ${n(s.updated)} updated${s.failed ? ` · <b class="bad">${n(s.failed)} failed</b>` : ''}`;

export function runs(d: ReportData): string {
  if (d.runs.length === 0) return '<section><h2>Runs</h2><p>No run has written anything yet.</p></section>';
  const chart = barChart(
    'Records written per run and direction',
    d.runs.map((r) => ({
      label: `${r.kind} ${day(r.createdAt)}`,
      parts: [
        { name: 'Salesforce → HubSpot', color: BLUE, value: r.toHubSpot.created + r.toHubSpot.updated },
        { name: 'HubSpot → Salesforce', color: ORANGE, value: r.toSalesforce.created + r.toSalesforce.updated },
        { name: 'Failed', color: RED, value: r.toHubSpot.failed + r.toSalesforce.failed },
      ],
    })),
  );
  const rows = d.runs
    .map(
      (
        r,
      ) => `<tr><td>${e(day(r.createdAt))}</td><td>${e(r.kind)}</td><td>${e(r.state)}</td><td>${writes(r.toHubSpot)}</td>
      <td>${writes(r.toSalesforce)}</td><td class="num">${n(r.held)}</td><td class="num">${n(r.skipped)}</td></tr>`,
    )
    .join('');
  return `<section><h2>Runs</h2>${chart}<table><thead><tr><th>When (UTC)</th><th>Kind</th><th>State</th><th>Salesforce → HubSpot</th>
    <th>HubSpot → Salesforce</th><th class="num">Held</th><th class="num">Skipped</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

export function rejected(d: ReportData): string {
  if (d.rejected.length === 0)
    return '<section><h2>Values the other system refused</h2><p>None: every value was accepted.</p></section>';
  const rows = d.rejected
    .map(
      (r) =>
        `<tr><td>${e(r.field)}</td><td>${e(r.example)}</td><td class="num">${n(r.count)}</td><td class="ids">${e(r.records.join(', '))}</td></tr>`,
    )
    .join('');
  return `<section><h2>Values the other system refused</h2>
    <p class="fix">How to fix: add the missing option to the picklist or property in the receiving system (or correct the
    value on the record), then resync the records from Sync health. The rest of each record was written.</p>
    <table><thead><tr><th>Field</th><th>What was refused</th><th class="num">Records</th><th>Examples</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

export function holds(d: ReportData): string {
  const open = d.openHolds
    .map(
      (h) => `<tr><td>${e(h.accountName ?? '')} <span class="ids">${e(h.sfAccountId)}</span></td><td>${e(h.reason)}</td>
      <td>${e(h.candidates.map((c) => `${c.name ?? c.companyId} (${c.companyId})`).join('; '))}</td></tr>`,
    )
    .join('');
  const decided = d.decisions
    .map(
      (x) =>
        `<tr><td class="ids">${e(x.sfAccountId)}</td><td>${e(x.action)}</td><td class="ids">${e(x.hsCompanyId ?? '')}</td><td>${e(day(x.resolvedAt))}</td></tr>`,
    )
    .join('');
  return `<section><h2>Records held for review</h2>
    <p class="fix">A record is held when more than one company could be its match; nothing is created or linked until a
    person decides. How to fix: open Hold review and link the right company, create a new one, or skip it.</p>
    ${open ? `<table><thead><tr><th>Account</th><th>Why</th><th>Candidates</th></tr></thead><tbody>${open}</tbody></table>` : '<p>No record is waiting for a decision.</p>'}
    ${decided ? `<h3>Decisions taken</h3><table><thead><tr><th>Account</th><th>Decision</th><th>Company</th><th>When (UTC)</th></tr></thead><tbody>${decided}</tbody></table>` : ''}
    </section>`;
}

export function apiUse(d: ReportData): string {
  const { salesforce: sf, hubspot: hs } = d.health.api;
  const errors = Object.entries(d.health.errorsByCategory);
  const chart = barChart(
    'Records waiting for a retry, per error category',
    errors.map(([category, value]) => ({ label: category, parts: [{ name: 'Failed', color: RED, value }] })),
  );
  return `<section><h2>API use</h2><div class="tiles">
    <div class="tile"><h3>Salesforce</h3>${sf ? `<p class="big">${n(sf.consoleCalls)}</p><p>calls by the console in 24 h${sf.allocation ? ` of ${n(sf.allocation)} allocated` : ''}${sf.orgMax ? `; the whole org: ${n(sf.orgUsed)} of ${n(sf.orgMax)}` : ''}</p>` : '<p>Not measured in this session.</p>'}</div>
    <div class="tile"><h3>HubSpot</h3>${hs ? `<p class="big">${n(hs.calls)}</p><p>calls in this session; ${n(hs.rateLimited)} answered 429 and retried${hs.dailyMax ? `; daily ${n(hs.dailyRemaining)} of ${n(hs.dailyMax)} left` : ''}</p>` : '<p>Not measured in this session.</p>'}</div>
    </div>${errors.length ? chart : '<p>No record is waiting for a retry.</p>'}</section>`;
}
