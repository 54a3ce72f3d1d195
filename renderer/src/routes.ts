import type { ComponentType } from 'react';
import { CompaniesPage } from './pages/CompaniesPage.js';
import { ConnectionsPage } from './pages/ConnectionsPage.js';
import { HoldsPage } from './pages/HoldsPage.js';
import { ImportPage } from './pages/ImportPage.js';
import { LogPage } from './pages/LogPage.js';
import { RunsPage } from './pages/RunsPage.js';
import { SyncHealthPage } from './pages/SyncHealthPage.js';
import { SyncSettingsPage } from './pages/SyncSettingsPage.js';
import { WorkspacesPage } from './pages/WorkspacesPage.js';

export interface PageEntry {
  /** The hash route: `#/<route>`. */
  route: string;
  /** The nav item's text; it is also the page's heading. */
  label: string;
  Component: ComponentType;
}

/** The sidebar, in order. The first entry is the start page. */
export const pages: readonly PageEntry[] = [
  { route: 'connections', label: 'Connections', Component: ConnectionsPage },
  { route: 'sync-settings', label: 'Sync settings', Component: SyncSettingsPage },
  { route: 'import', label: 'Import', Component: ImportPage },
  { route: 'companies', label: 'Companies', Component: CompaniesPage },
  { route: 'sync-health', label: 'Sync health', Component: SyncHealthPage },
  { route: 'holds', label: 'Hold review', Component: HoldsPage },
  { route: 'runs', label: 'Runs', Component: RunsPage },
  { route: 'log', label: 'Log', Component: LogPage },
  { route: 'workspaces', label: 'Workspaces', Component: WorkspacesPage },
];

export const pageFor = (route: string): PageEntry | undefined =>
  route === '' ? pages[0] : pages.find((page) => page.route === route);
