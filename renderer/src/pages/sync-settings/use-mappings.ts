import { useCallback, useEffect, useState } from 'react';
import type { OpError } from '../../../../shared/contract/result.js';
import type { MappingView, MappingsView } from '../../../../shared/contract/runs.js';
import { useApi } from '../../client/context.js';

/**
 * The mappings as main has them, plus the person's unsaved edits (`draft`, null until something is edited). Read
 * again when company sync is switched, because that decides whether they can be edited (R1.4).
 */
export function useMappings(syncOn: boolean) {
  const api = useApi();
  const [view, setView] = useState<MappingsView | null>(null);
  const [loadError, setLoadError] = useState<OpError | null>(null);
  const [draft, setDraft] = useState<MappingView[] | null>(null);
  const [saveError, setSaveError] = useState<OpError | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    void api.getMappings({}).then((result) => {
      if (!active) return;
      if (result.ok) {
        setView(result.value);
        setLoadError(null);
      } else setLoadError(result.error);
    });
    if (!syncOn) {
      setDraft(null);
      setSaveError(null);
    }
    return () => {
      active = false;
    };
  }, [api, syncOn]);

  const edit = (next: MappingView[]) => {
    setDraft(next);
    setSavedAt(null);
  };

  const save = useCallback(async () => {
    if (!draft) return;
    setSaving(true);
    const result = await api.saveMappings({ mappings: draft });
    setSaving(false);
    if (result.ok) {
      setView(result.value);
      setDraft(null);
      setSaveError(null);
      setSavedAt(new Date().toLocaleTimeString());
    } else setSaveError(result.error);
  }, [api, draft]);

  const discard = () => {
    setDraft(null);
    setSaveError(null);
  };

  return {
    view,
    loadError,
    rows: draft ?? view?.mappings ?? [],
    dirty: draft !== null,
    edit,
    save,
    discard,
    saving,
    saveError,
    savedAt,
  };
}
