import type { WorkspaceView } from '../../../shared/contract/index.js';
import { probeWorkspace } from './probe.js';
import type { WorkspaceRegistry } from './registry.js';

/** Every workspace of the list with whether it can be opened; the open one is `ready` by definition. */
export function describeWorkspaces(
  registry: WorkspaceRegistry,
  openId: string,
  nativeBinding?: string,
): WorkspaceView[] {
  return registry.list().map((w) => {
    const current = w.id === openId;
    const probe = current ? { state: 'ready' as const, problem: null } : probeWorkspace(w.name, w.dir, nativeBinding);
    return {
      id: w.id,
      name: w.name,
      folder: w.dir,
      createdAt: w.createdAt,
      current,
      state: probe.state,
      problem: probe.problem,
    };
  });
}
