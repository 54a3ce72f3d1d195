import type { ConnectionStatus } from '../../../shared/contract/types.js';
import { hrefFor } from '../hooks/use-hash-route.js';
import { useConnections, useSettings, useWorkspaces } from '../hooks/live-state.js';

const systemLabel = { salesforce: 'Salesforce', hubspot: 'HubSpot' } as const;

function connectionText(status: ConnectionStatus): { text: string; tone: 'ok' | 'warn' | 'off' } {
  if (status.problem) return { text: `needs attention (${status.problem})`, tone: 'warn' };
  if (status.connected) return { text: `connected${status.label ? ` to ${status.label}` : ''}`, tone: 'ok' };
  return { text: 'not connected', tone: 'off' };
}

function StatusItem({ label, text, tone }: { label: string; text: string; tone: 'ok' | 'warn' | 'off' }) {
  return (
    <li className="status-item">
      <span className={`dot dot-${tone}`} aria-hidden="true" />
      {label}: {text}
    </li>
  );
}

/** The open workspace, always in view: a link to the Workspaces page, where it is switched. */
function WorkspaceItem() {
  const workspaces = useWorkspaces();
  if (workspaces.status !== 'ready') {
    return <StatusItem label="Workspace" text={workspaces.status === 'loading' ? '…' : 'unknown'} tone="warn" />;
  }
  const { pinnedFolder, workspaces: list, currentId } = workspaces.value;
  const name = pinnedFolder
    ? `${pinnedFolder} (--data-dir)`
    : (list.find((w) => w.id === currentId)?.name ?? currentId);
  return (
    <li className="status-item status-workspace">
      <span className="dot dot-ok" aria-hidden="true" />
      <a href={hrefFor('workspaces')} title="Switch, create or rename workspaces">
        Workspace: {name}
      </a>
    </li>
  );
}

/** Live: both values follow main's `connections` and `settings` events, whichever window or command changed them. */
export function StatusBar() {
  const connections = useConnections();
  const settings = useSettings();
  return (
    <section className="status-bar" aria-label="Status">
      <ul aria-live="polite">
        <WorkspaceItem />
        {connections.status === 'ready' ? (
          (['salesforce', 'hubspot'] as const).map((system) => (
            <StatusItem key={system} label={systemLabel[system]} {...connectionText(connections.value[system])} />
          ))
        ) : (
          <StatusItem
            label="Connections"
            text={connections.status === 'loading' ? 'checking…' : 'unknown'}
            tone="warn"
          />
        )}
        {settings.status === 'ready' && (
          <StatusItem
            label="Company sync"
            text={settings.value.syncCompanies ? 'on' : 'off'}
            tone={settings.value.syncCompanies ? 'ok' : 'off'}
          />
        )}
      </ul>
    </section>
  );
}
