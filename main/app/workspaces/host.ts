/**
 * The workspace host: owns the services of the open workspace and swaps them for another's on a switch. The Electron
 * shell, browser mode and the CLI hold the host's stable `handlers` and `events`, which always reach the workspace
 * open now; nothing of the closed one (database, writer lock, vault, demo emulators) stays in use.
 */
import { eventNames, operationNames, type WorkspacesView } from '../../../shared/contract/index.js';
import type { Handlers } from '../../ipc/dispatch.js';
import { AppError } from '../errors.js';
import { EventBus } from '../events.js';
import { createServices, type ServiceConfig, type Services } from '../services.js';
import { type OpenWorkspace, pinnedControl, pinnedRefusal, type WorkspaceControl } from './control.js';
import { describeWorkspaces } from './describe.js';
import { WorkspaceRegistry } from './registry.js';
import { assertOpenable, type StartWorkspace, workspaceOf } from './resolve.js';

export interface WorkspaceHostOptions {
  /** What this launch opens first (resolveStartWorkspace): a workspace of the app's folder, or a pinned folder. */
  start: StartWorkspace;
  /** Everything of a ServiceConfig but the folder and workspace, which the host fills in. */
  base: Omit<ServiceConfig, 'dataDir' | 'workspace' | 'workspaces'>;
  /** The desktop app's settings backend is built per folder. */
  settingsBackendFor?: (dir: string) => ServiceConfig['settingsBackend'];
  /** Where a problem the person does not wait for (a demo that did not restart) is reported. */
  reportError?: (message: string, error: unknown) => void;
}

export class WorkspaceHost implements WorkspaceControl {
  readonly events = new EventBus();
  readonly handlers: Handlers;
  private readonly registry: WorkspaceRegistry | null;
  private services!: Services;
  private open: OpenWorkspace;
  private unforward: (() => void)[] = [];
  private switching = false;
  private notice: string | null;
  private readonly report: (message: string, error: unknown) => void;

  constructor(private readonly options: WorkspaceHostOptions) {
    this.report = options.reportError ?? ((message, error) => console.error(message, error));
    const { start } = options;
    this.registry = start.pinned ? null : new WorkspaceRegistry(start.root);
    this.notice = start.notice;
    this.open = start.workspace;
    this.handlers = Object.fromEntries(
      operationNames.map((name) => [
        name,
        (args: unknown) => (this.services.handlers[name] as (a: unknown) => unknown)(args),
      ]),
    ) as Handlers;
    this.attach(this.servicesFor(start.dir, start.workspace));
  }

  /** The services of the workspace open now; a switch replaces them, so never keep the object across one. */
  get current(): Services {
    return this.services;
  }

  get workspace(): OpenWorkspace {
    return this.open;
  }

  view(): WorkspacesView {
    if (!this.registry) return pinnedControl(this.options.start.dir, () => this.services.engine.activeRunId).view();
    return {
      workspaces: describeWorkspaces(this.registry, this.open.id, this.options.base.nativeBinding),
      currentId: this.open.id,
      pinnedFolder: null,
      activeRunId: this.services.engine.activeRunId,
      notice: this.notice,
    };
  }

  create(name: string, folder?: string): WorkspacesView {
    this.editable().create(name, folder);
    return this.announce();
  }

  rename(id: string, name: string): WorkspacesView {
    const renamed = this.editable().rename(id, name);
    if (renamed.id === this.open.id) this.open = { ...this.open, name: renamed.name };
    return this.announce();
  }

  remove(id: string): WorkspacesView {
    this.editable().remove(id, this.open.id);
    return this.announce();
  }

  relocate(id: string, folder: string): WorkspacesView {
    if (id === this.open.id) throw new AppError('CONFLICT', 'The open workspace cannot be pointed elsewhere.', [id]);
    this.editable().relocate(id, folder);
    return this.announce();
  }

  /** Refused while a run is going: its journal, lock and remote sessions belong to the open workspace. */
  async switchTo(id: string): Promise<WorkspacesView> {
    const registry = this.editable();
    const target = registry.find(id);
    if (target.id === this.open.id) return this.view();
    const runId = this.services.engine.activeRunId;
    if (runId) {
      throw new AppError(
        'CONFLICT',
        `Run ${runId} is going in workspace "${this.open.name}". Switching waits for no run: pause or cancel it, ` +
          `or let it finish, then switch to "${target.name}".`,
        [runId],
      );
    }
    if (this.switching) throw new AppError('CONFLICT', 'Another switch of workspace is under way; try again.');
    this.switching = true;
    try {
      assertOpenable(target, this.options.base.nativeBinding);
      // The other workspace is opened before this one closes: if it cannot be, this one stays open and usable.
      const next = this.servicesFor(target.dir, workspaceOf(target));
      const previous = this.services;
      this.attach(next);
      this.open = workspaceOf(target);
      this.notice = null;
      registry.setCurrent(target.id);
      await previous.settle().catch((error: unknown) => this.report('A backup could not be written', error));
      previous.close();
      next.demo.resumeIfActive().catch((error: unknown) => this.report('The demo could not be restarted', error));
    } finally {
      this.switching = false;
    }
    return this.announce();
  }

  settle(): Promise<void> {
    return this.services.settle();
  }

  close(): void {
    for (const stop of this.unforward) stop();
    this.services.close();
  }

  private servicesFor(dir: string, workspace: OpenWorkspace): Services {
    return createServices({
      ...this.options.base,
      dataDir: dir,
      workspace,
      workspaces: this,
      settingsBackend: this.options.settingsBackendFor?.(dir) ?? this.options.base.settingsBackend,
    });
  }

  private editable(): WorkspaceRegistry {
    if (this.registry) return this.registry;
    throw pinnedRefusal(this.options.start.dir);
  }

  private attach(services: Services): void {
    for (const stop of this.unforward) stop();
    this.services = services;
    this.unforward = eventNames.map((name) =>
      services.events.on(name, (payload) => this.events.emit(name, payload as never)),
    );
  }

  private announce(): WorkspacesView {
    const view = this.view();
    this.events.emit('workspace', view);
    return view;
  }
}
