/**
 * Providers that match the callback URL exactly (Salesforce, HubSpot) need the port registered in the app:
 * http://127.0.0.1:<port>/callback. Empty = any free port (fine for the local sandbox).
 */
export function CallbackPortField({ value, onChange }: { value: string; onChange(value: string): void }) {
  return (
    <label className="field-label">
      Callback port (as registered in the app, e.g. 1717; empty = any free port)
      <input inputMode="numeric" value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

export const callbackPortArg = (value: string): { callbackPort?: number } =>
  /^\d+$/.test(value.trim()) ? { callbackPort: Number(value.trim()) } : {};
