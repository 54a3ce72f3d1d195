/** HubSpot objects → HsObjectRecord (ISO strings, and R7.4 per-property change times from propertiesWithHistory). */
import type { HsObjectRecord } from '../types.js';

interface ValueWithTimestamp {
  timestamp: Date | string;
}

export interface WireObject {
  id: string;
  properties: Record<string, string | null>;
  propertiesWithHistory?: Record<string, ValueWithTimestamp[]>;
  createdAt: Date | string;
  updatedAt: Date | string;
  archived?: boolean;
}

const iso = (value: Date | string): string =>
  value instanceof Date ? value.toISOString() : new Date(value).toISOString();

/** The newest history entry per property: when that property last changed (R7.4 "most recent"). */
function propertyTimes(history: Record<string, ValueWithTimestamp[]>): Record<string, string> {
  const times: Record<string, string> = {};
  for (const [name, entries] of Object.entries(history)) {
    let newest = Number.NEGATIVE_INFINITY;
    for (const entry of entries) newest = Math.max(newest, new Date(entry.timestamp).getTime());
    if (Number.isFinite(newest)) times[name] = new Date(newest).toISOString();
  }
  return times;
}

export function toHsObjectRecord(object: WireObject): HsObjectRecord {
  const record: HsObjectRecord = {
    id: object.id,
    properties: { ...object.properties },
    createdAt: iso(object.createdAt),
    updatedAt: iso(object.updatedAt),
    archived: object.archived ?? false,
  };
  if (object.propertiesWithHistory) record.propertyTimes = propertyTimes(object.propertiesWithHistory);
  return record;
}

/** HubSpot clears a property with an empty string; the engine says null. */
export function toWireProperties(properties: Record<string, string | null>): Record<string, string> {
  const wire: Record<string, string> = {};
  for (const [name, value] of Object.entries(properties)) wire[name] = value ?? '';
  return wire;
}
