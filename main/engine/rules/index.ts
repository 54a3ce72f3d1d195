/** The pure rule functions of the sync engine: no I/O, no clock, no Electron. Each module cites its rules. */
export * from './account-creation.js';
export * from './domain.js';
export * from './equality.js';
export * from './errors.js';
export * from './ids.js';
export * from './lifecycle.js';
export * from './mapping-validation.js';
export * from './mappings.js';
export * from './matching.js';
export * from './merge.js';
export * from './owners.js';
export * from './values.js';
