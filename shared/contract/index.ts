export * from './api.js';
export * from './channels.js';
export * from './events.js';
export * from './operations.js';
export * from './result.js';
export * from './runs.js';
export * from './settings.js';
export * from './types.js';
