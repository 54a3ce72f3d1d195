/**
 * Operation name → wire channel. Kept free of zod so the preload bundle stays tiny; operations.ts adds the schemas.
 * Adding an operation: see README.md in this folder.
 */
export const operationChannels = {
  getAppInfo: 'app:info',
  getSettings: 'settings:get',
  updateSettings: 'settings:update',
  getConnections: 'connections:status',
} as const;

export type OperationName = keyof typeof operationChannels;
export const operationNames = Object.keys(operationChannels) as OperationName[];
