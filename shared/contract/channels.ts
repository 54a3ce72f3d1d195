/**
 * Operation name → wire channel. Kept free of zod so the preload bundle stays tiny; operations.ts adds the schemas.
 * Adding an operation: see README.md in this folder.
 */
export const operationChannels = {
  getAppInfo: 'app:info',
  getSettings: 'settings:get',
  updateSettings: 'settings:update',
  getConnections: 'connections:status',
  startOAuth: 'connections:oauth-start',
  awaitOAuth: 'connections:oauth-await',
  cancelOAuth: 'connections:oauth-cancel',
  connectPrivateApp: 'connections:private-app',
  disconnect: 'connections:disconnect',
  startDemo: 'demo:start',
  leaveDemo: 'demo:leave',
  startRun: 'runs:start',
  resumeRun: 'runs:resume',
  pauseRun: 'runs:pause',
  cancelRun: 'runs:cancel',
  listRuns: 'runs:list',
  getRun: 'runs:get',
  getRunOutcome: 'runs:outcome',
  listRunOps: 'runs:ops',
  queryLog: 'log:query',
  getHealth: 'health:get',
  exportLog: 'log:export',
  getMappings: 'mappings:get',
  saveMappings: 'mappings:save',
  syncNow: 'sync:now',
  resyncErrors: 'sync:resync-errors',
  // HubSpot → Salesforce account creation (R3.4 preview, R5.1 company resync).
  previewCompanies: 'companies:preview',
  exportPreview: 'companies:preview-export',
  resyncCompanies: 'companies:resync',
  // Hold review (R6.4).
  listHolds: 'holds:list',
  resolveHolds: 'holds:resolve',
  // Revert a run (R9.5).
  revertRun: 'runs:revert',
  // The engagement report for the client.
  buildReport: 'report:build',
  // Workspaces: one data folder per client engagement.
  listWorkspaces: 'workspaces:list',
  createWorkspace: 'workspaces:create',
  renameWorkspace: 'workspaces:rename',
  switchWorkspace: 'workspaces:switch',
  removeWorkspace: 'workspaces:remove',
  relocateWorkspace: 'workspaces:relocate',
  // Apply a mapping to existing records (R7.6).
  applyMapping: 'mappings:apply',
} as const;

export type OperationName = keyof typeof operationChannels;
export const operationNames = Object.keys(operationChannels) as OperationName[];
