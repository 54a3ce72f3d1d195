/**
 * Push events from main to the renderer. Payloads are plain data (sent as copies, throttled by the sender).
 * The map key is the event name; the preload exposes `on<Name>(listener) => unsubscribe` for each.
 */
import type { RunSummary } from './runs.js';
import type { ConnectionsStatus } from './types.js';
import type { Settings } from './settings.js';
import type { WorkspacesView } from './workspaces.js';

/** The phases of a run, in order. */
export const runPhases = ['refresh-hubspot', 'refresh-salesforce', 'plan', 'execute', 'done'] as const;
export type RunPhase = (typeof runPhases)[number];

/** What a person reads for each phase; `done` and `total` count the records named here. */
export const phaseLabels: Record<RunPhase, string> = {
  'refresh-hubspot': 'Reading HubSpot companies',
  'refresh-salesforce': 'Reading Salesforce accounts',
  plan: 'Planning accounts',
  execute: 'Writing records',
  done: 'Done',
};

/**
 * `done` of `total` records of the phase (total null while unknown). A person reads
 * `${label} ${done} / ${total}`, e.g. "Reading Salesforce accounts 1,200 / 2,000".
 */
export interface ProgressEvent {
  runId: string;
  phase: RunPhase;
  /** phaseLabels[phase], sent along so no view has to translate. */
  label: string;
  done: number;
  total: number | null;
}

export interface LogLineEvent {
  runId: string | null;
  at: string;
  level: 'info' | 'warn' | 'error';
  message: string;
}

export interface EventPayloads {
  progress: ProgressEvent;
  logLine: LogLineEvent;
  connections: ConnectionsStatus;
  settings: Settings;
  /** A run changed state (started, paused, finished...). */
  run: RunSummary;
  /** The workspace list changed, or another workspace was opened (every view then reloads its data). */
  workspace: WorkspacesView;
}

export type EventName = keyof EventPayloads;

/** Wire names, namespaced like the operation channels. */
export const eventChannels: { readonly [K in EventName]: string } = {
  progress: 'event:progress',
  logLine: 'event:log-line',
  connections: 'event:connections',
  settings: 'event:settings',
  run: 'event:run',
  workspace: 'event:workspace',
};

export const eventNames = Object.keys(eventChannels) as EventName[];
