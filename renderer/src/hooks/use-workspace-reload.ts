import { useEffect } from 'react';
import { useApi } from '../client/context.js';

/**
 * When another workspace opens (from this window, another tab or window), every page's data belongs to the one that
 * closed: the page reloads, so nothing of the old workspace stays on screen or in memory.
 */
export function useWorkspaceReload(reload: () => void = () => window.location.reload()): void {
  const api = useApi();
  useEffect(() => {
    let openId: string | null = null;
    let active = true;
    void api.listWorkspaces({}).then((result) => {
      if (active && result.ok) openId ??= result.value.currentId;
    });
    const unsubscribe = api.onWorkspace((view) => {
      if (openId !== null && view.currentId !== openId) reload();
      openId = view.currentId;
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, [api, reload]);
}
