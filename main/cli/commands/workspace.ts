/**
 * `sfhs workspace`: the workspaces of the app's folder (one per client engagement) from the terminal. Only the list
 * is read or written: no workspace's database is opened, so this works while `sfhs ui` or a run uses one.
 */
import type { WorkspaceView } from '../../../shared/contract/index.js';
import { AppError } from '../../app/errors.js';
import { pinnedRefusal } from '../../app/workspaces/control.js';
import { describeWorkspaces } from '../../app/workspaces/describe.js';
import { WorkspaceRegistry } from '../../app/workspaces/registry.js';
import { assertOpenable } from '../../app/workspaces/resolve.js';
import { type CliCommand, type CliContext, exitCodes, type ParsedCommand, print } from '../command.js';
import { printJson } from '../output/json.js';

const stateText: Record<WorkspaceView['state'], string> = {
  ready: '',
  missing: '  FOLDER MISSING',
  newer: '  NEWER VERSION',
};

function printList(ctx: CliContext, registry: WorkspaceRegistry): void {
  const workspaces = describeWorkspaces(registry, registry.currentId());
  if (ctx.json) {
    printJson(ctx.stdout, { root: registry.root, workspaces });
    return;
  }
  const width = Math.max(...workspaces.map((w) => w.id.length));
  for (const w of workspaces) {
    print(ctx.stdout, `${w.current ? '*' : ' '} ${w.id.padEnd(width)}  ${w.name}  (${w.folder})${stateText[w.state]}`);
    if (w.problem) print(ctx.stdout, `    ${w.problem}`);
  }
  print(ctx.stdout, '* opens next (sfhs workspace use ID to change; --workspace ID for one command)');
}

const needArgs = (args: string[], count: number, usage: string): void => {
  if (args.length !== count) throw new AppError('VALIDATION', `Usage: sfhs workspace ${usage}`);
};

function change(registry: WorkspaceRegistry, verb: string, args: string[], values: ParsedCommand['values']) {
  switch (verb) {
    case 'create': {
      needArgs(args, 1, 'create NAME [--folder DIR]');
      const created = registry.create(args[0]!, values.folder as string | undefined);
      return { workspace: created, text: `Created workspace "${created.name}" (id ${created.id}) in ${created.dir}.` };
    }
    case 'rename': {
      needArgs(args, 2, 'rename ID NAME');
      const renamed = registry.rename(args[0]!, args[1]!);
      return { workspace: renamed, text: `Workspace ${renamed.id} is now named "${renamed.name}".` };
    }
    case 'use': {
      needArgs(args, 1, 'use ID');
      const target = registry.find(args[0]!);
      assertOpenable(target);
      registry.setCurrent(target.id);
      return { workspace: target, text: `Workspace "${target.name}" opens next (the desktop app, sfhs ui, sfhs).` };
    }
    case 'remove': {
      needArgs(args, 1, 'remove ID');
      const removed = registry.remove(args[0]!, '');
      return {
        workspace: removed,
        text: `Removed "${removed.name}" from the list; its folder ${removed.dir} is untouched.`,
      };
    }
    case 'move': {
      needArgs(args, 2, 'move ID FOLDER');
      const moved = registry.relocate(args[0]!, args[1]!);
      return { workspace: moved, text: `Workspace "${moved.name}" now uses ${moved.dir}.` };
    }
    default:
      throw new AppError(
        'VALIDATION',
        `Unknown workspace action "${verb}": use list, create, rename, use, remove or move.`,
      );
  }
}

export const workspaceCommand: CliCommand = {
  name: 'workspace',
  summary: 'list, create, rename and choose workspaces (one data folder per client)',
  usage: [
    'list',
    'create NAME [--folder DIR]',
    'rename ID NAME',
    'use ID',
    'remove ID',
    'move ID FOLDER',
    '  remove takes a workspace off the list and leaves its folder; move points it at the folder it was moved to.',
  ],
  options: { folder: { type: 'string' } },
  async run(ctx, { positionals, values }) {
    if (ctx.workspace.pinned) throw pinnedRefusal(ctx.workspace.dir);
    const registry = new WorkspaceRegistry(ctx.workspace.root);
    const [verb = 'list', ...args] = positionals;
    if (verb === 'list') {
      printList(ctx, registry);
      return exitCodes.ok;
    }
    const { workspace, text } = change(registry, verb, args, values);
    if (ctx.json) printJson(ctx.stdout, { id: workspace.id, name: workspace.name, folder: workspace.dir });
    else print(ctx.stdout, text);
    return exitCodes.ok;
  },
};
