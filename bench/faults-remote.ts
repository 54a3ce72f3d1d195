/**
 * The remote side failing under an import, in one process with the real clients signed in by OAuth (so expired
 * tokens are refreshed as in real life): 429s, 5xx, dropped connections, 207 partial failures and token expiry at
 * once. Paused runs are resumed and failed records retried, as the sync loop does, until the import is whole; the
 * faults then stop and one last import confirms nothing is left.
 */
import { createServices, type Services } from '../main/app/services.js';
import { parseFaultSpec } from '../sandbox/faults/faults.js';
import { type Sandbox, startSandbox } from '../sandbox/index.js';
import { answerConsent } from '../tests/connections/approve.js';
import { checkFolder } from './faults-check.js';
import type { ScenarioResult } from './faults-local.js';

export const REMOTE_FAULTS = '429=0.04,5xx=0.03,drop=0.02,partial=0.03,expire-after=60,seed=5';

/** Signing in again while the API still fails now and then: a person tries again, a few times. */
async function signInAgain(services: Services, sandbox: Sandbox, system: 'salesforce' | 'hubspot'): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await signIn(services, sandbox, system);
    } catch (error) {
      if (attempt === 5) throw error;
    }
  }
}

async function signIn(services: Services, sandbox: Sandbox, system: 'salesforce' | 'hubspot'): Promise<void> {
  const info = sandbox.info();
  const flow = await services.connections.oauth.start(
    system === 'salesforce'
      ? { system, loginUrl: info.salesforce.url, clientId: info.salesforce.clientId }
      : {
          system,
          apiBaseUrl: info.hubspot.url,
          clientId: info.hubspot.clientId,
          clientSecret: info.hubspot.clientSecret,
        },
  );
  await answerConsent(flow.authorizeUrl, 'approve');
  await services.connections.oauth.wait(flow.flowId);
}

export async function remoteFaults(dataDir: string, accounts: number, rounds = 15): Promise<ScenarioResult> {
  const sandbox = await startSandbox({
    accounts,
    contacts: Math.floor(accounts / 10),
    hsCompanies: 0,
    seed: 51,
    hsLimit: 'off',
  });
  const services = createServices({ dataDir, runtime: 'cli', version: '0.0.0-bench', command: 'bench faults' });
  const injectors = [sandbox.salesforce.faults, sandbox.hubspot.faults];
  try {
    await signIn(services, sandbox, 'salesforce');
    await signIn(services, sandbox, 'hubspot');
    services.settings.update({ syncCompanies: true });
    for (const faults of injectors) faults.configure(parseFaultSpec(REMOTE_FAULTS));
    const outcomes: string[] = [];
    let reconnects = 0;
    for (let round = 0; round < rounds && checkFolder(sandbox, dataDir).lost > 0; round++) {
      const summary = await services.engine.run({ kind: 'import', dryRun: false }).catch((error: unknown) => error);
      outcomes.push(
        summary instanceof Error ? `error ${(summary as Error).name}` : (summary as { state: string }).state,
      );
      // A connection the provider refused needs a person to sign in again: do what they would.
      const status = services.connections.status();
      for (const system of ['salesforce', 'hubspot'] as const) {
        if (status[system].problem) {
          await signInAgain(services, sandbox, system);
          reconnects++;
        }
      }
      const retry = services.engine.resyncErrors();
      if (retry) await retry.finished.catch((error: unknown) => outcomes.push(`retry ${(error as Error).name}`));
    }
    const faults = injectors.reduce((sum, f) => sum + Object.values(f.injected).reduce((a, b) => a + b, 0), 0);
    const byKind = injectors.map((f) => f.injected);
    for (const f of injectors) f.configure(parseFaultSpec(''));
    const last = await services.engine.run({ kind: 'import', dryRun: false });
    const kinds = (['429', '5xx', 'drop', 'partial', 'expired'] as const)
      .map((k) => `${k} ${(byKind[0]?.[k] ?? 0) + (byKind[1]?.[k] ?? 0)}`)
      .join(', ');
    return {
      name: 'remote faults',
      detail: `${kinds}; ${outcomes.length} import round(s) under faults (${outcomes.join(', ')}), ${reconnects} reconnect(s); then ${last.counts.create ?? 0} left to create`,
      kills: 0,
      killsWhileWriting: 0,
      faults,
      verdict: checkFolder(sandbox, dataDir),
    };
  } finally {
    services.close();
    await sandbox.close();
  }
}
