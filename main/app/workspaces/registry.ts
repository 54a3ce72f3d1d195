/**
 * The list of workspaces of one app folder: create, rename, remove, relocate, and which one opens next. Every change
 * re-reads the file first, so the CLI and a running console editing the list one after the other lose nothing.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AppError } from '../errors.js';
import {
  defaultWorkspaceId,
  type RegistryData,
  readRegistry,
  type WorkspaceEntry,
  writeRegistry,
} from './registry-file.js';

export interface ResolvedWorkspace extends WorkspaceEntry {
  /** The absolute folder. */
  dir: string;
}

const slug = (name: string): string =>
  name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'workspace';

const sameName = (a: string, b: string): boolean => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

export class WorkspaceRegistry {
  constructor(readonly root: string) {}

  list(): ResolvedWorkspace[] {
    return readRegistry(this.root).workspaces.map((entry) => this.resolved(entry));
  }

  currentId(): string {
    const data = readRegistry(this.root);
    // A current id that is no longer listed (edited by hand) falls back to Default rather than failing to start.
    return data.workspaces.some((w) => w.id === data.current) ? data.current : defaultWorkspaceId;
  }

  /** By id, or by name (ignoring case), as `--workspace` and `sfhs workspace use` accept either. */
  find(idOrName: string): ResolvedWorkspace {
    const all = this.list();
    const found = all.find((w) => w.id === idOrName) ?? all.find((w) => sameName(w.name, idOrName));
    if (!found) {
      throw new AppError(
        'NOT_FOUND',
        `There is no workspace "${idOrName}". The workspaces are: ${all.map((w) => `${w.name} (${w.id})`).join(', ')}.`,
        [idOrName],
      );
    }
    return found;
  }

  create(name: string, folder?: string): ResolvedWorkspace {
    return this.change((data) => {
      const trimmed = this.checkName(data, name);
      const id = this.freeId(data, slug(trimmed));
      const dir = resolve(folder ?? join(this.root, 'workspaces', id));
      this.checkFolderFree(data, dir, null);
      if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0)) {
        throw new AppError(
          'CONFLICT',
          `${dir} is not an empty folder, so a new workspace cannot start there. Choose an empty or new folder; ` +
            'to list a folder that already holds a workspace, create one and point it there.',
          [dir],
        );
      }
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const entry: WorkspaceEntry = {
        id,
        name: trimmed,
        folder: this.stored(dir),
        createdAt: new Date().toISOString(),
        vaultKey: randomBytes(16).toString('hex'),
      };
      data.workspaces.push(entry);
      return entry;
    });
  }

  rename(id: string, name: string): ResolvedWorkspace {
    return this.change((data) => {
      const entry = this.entry(data, id);
      entry.name = this.checkName(data, name, id);
      return entry;
    });
  }

  setCurrent(id: string): ResolvedWorkspace {
    return this.change((data) => {
      const entry = this.entry(data, id);
      data.current = entry.id;
      return entry;
    });
  }

  /** Off the list only: the folder and its files stay where they are. */
  remove(id: string, openId: string): ResolvedWorkspace {
    return this.change((data) => {
      const entry = this.notDefault(data, id, 'removed');
      if (entry.id === openId) {
        throw new AppError('CONFLICT', `"${entry.name}" is open. Switch to another workspace first.`, [id]);
      }
      data.workspaces = data.workspaces.filter((w) => w.id !== entry.id);
      if (data.current === entry.id) data.current = defaultWorkspaceId;
      return entry;
    });
  }

  /** For a workspace whose folder was moved: the new place must exist and belong to no other workspace. */
  relocate(id: string, folder: string): ResolvedWorkspace {
    return this.change((data) => {
      const entry = this.notDefault(data, id, 'moved');
      const dir = resolve(folder);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) {
        throw new AppError('NOT_FOUND', `${dir} is not a folder. Give the folder the workspace was moved to.`, [dir]);
      }
      this.checkFolderFree(data, dir, entry.id);
      entry.folder = this.stored(dir);
      return entry;
    });
  }

  private change(edit: (data: RegistryData) => WorkspaceEntry): ResolvedWorkspace {
    const data = readRegistry(this.root);
    const entry = edit(data);
    mkdirSync(this.root, { recursive: true, mode: 0o700 });
    writeRegistry(this.root, data);
    return this.resolved(entry);
  }

  private entry(data: RegistryData, id: string): WorkspaceEntry {
    const entry = data.workspaces.find((w) => w.id === id);
    if (!entry) {
      const ids = data.workspaces.map((w) => w.id).join(', ');
      throw new AppError('NOT_FOUND', `There is no workspace with the id "${id}" (the ids are: ${ids}).`, [id]);
    }
    return entry;
  }

  private notDefault(data: RegistryData, id: string, verb: string): WorkspaceEntry {
    const entry = this.entry(data, id);
    if (entry.id !== defaultWorkspaceId) return entry;
    throw new AppError('VALIDATION', `The Default workspace is the app's own folder; it cannot be ${verb}.`, [id]);
  }

  private checkName(data: RegistryData, name: string, selfId?: string): string {
    const trimmed = name.trim();
    if (trimmed === '') throw new AppError('VALIDATION', 'A workspace needs a name.', ['name']);
    if (trimmed.length > 60) throw new AppError('VALIDATION', 'A workspace name has at most 60 characters.', ['name']);
    const taken = data.workspaces.find((w) => w.id !== selfId && sameName(w.name, trimmed));
    if (taken) {
      throw new AppError('VALIDATION', `There is already a workspace named "${taken.name}". Choose another name.`, [
        'name',
      ]);
    }
    return trimmed;
  }

  private freeId(data: RegistryData, base: string): string {
    const taken = new Set(data.workspaces.map((w) => w.id));
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    return id;
  }

  private checkFolderFree(data: RegistryData, dir: string, selfId: string | null): void {
    const owner = data.workspaces.find((w) => w.id !== selfId && this.dirOf(w) === dir);
    if (owner) {
      throw new AppError('CONFLICT', `${dir} is already the folder of workspace "${owner.name}".`, [owner.id]);
    }
  }

  private stored(dir: string): string {
    const rel = relative(this.root, dir);
    return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? dir : rel.split(sep).join('/');
  }

  private dirOf(entry: WorkspaceEntry): string {
    return resolve(this.root, entry.folder);
  }

  private resolved(entry: WorkspaceEntry): ResolvedWorkspace {
    return { ...entry, dir: this.dirOf(entry) };
  }
}
