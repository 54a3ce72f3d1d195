import type { Settings } from '../../../shared/contract/settings.js';
import type { AppInfo, ConnectionsStatus } from '../../../shared/contract/types.js';
import type { WorkspacesView } from '../../../shared/contract/workspaces.js';
import { type Live, type LiveSource, useLive } from './use-live.js';

// Module-level sources keep their identity across renders, so useLive subscribes once per component.
const settingsSource: LiveSource<Settings> = {
  load: (api) => api.getSettings({}),
  subscribe: (api, listener) => api.onSettings(listener),
};

const connectionsSource: LiveSource<ConnectionsStatus> = {
  load: (api) => api.getConnections({}),
  subscribe: (api, listener) => api.onConnections(listener),
};

const appInfoSource: LiveSource<AppInfo> = {
  load: (api) => api.getAppInfo({}),
  subscribe: () => () => {}, // app info does not change while the console runs
};

const workspacesSource: LiveSource<WorkspacesView> = {
  load: (api) => api.listWorkspaces({}),
  subscribe: (api, listener) => api.onWorkspace(listener),
};

export const useSettings = (): Live<Settings> => useLive(settingsSource);
export const useConnections = (): Live<ConnectionsStatus> => useLive(connectionsSource);
export const useAppInfo = (): Live<AppInfo> => useLive(appInfoSource);
export const useWorkspaces = (): Live<WorkspacesView> => useLive(workspacesSource);
