import { useAppInfo } from '../hooks/live-state.js';
import { RunIndicator } from './RunIndicator.js';

export function AppHeader() {
  const info = useAppInfo();
  const runtime =
    info.status === 'ready'
      ? `${info.value.runtime === 'electron' ? 'Desktop' : 'Browser mode'} · v${info.value.version}`
      : '';
  return (
    <header className="app-header">
      <a className="brand" href="#/">
        <img src="./favicon.svg" alt="" width="24" height="24" />
        <span>SFHS Sync Console</span>
      </a>
      <span className="brand-sub">Salesforce Accounts ⇄ HubSpot Companies</span>
      <RunIndicator />
      <span className="runtime">{runtime}</span>
    </header>
  );
}
