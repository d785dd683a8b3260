import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconClipboard,
  IconCopy,
  IconDeviceFloppy,
  IconFlask,
  IconFocusCentered,
  IconLayoutDistributeVertical,
  IconRocket,
  IconScissors,
  IconSearch,
  IconSelectAll,
  IconStarFilled,
  IconTrash,
  IconZoomIn,
  IconZoomOut,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { Selection } from '../model/canvas.ts';
import { copy, type Fragment, pasteCommand } from '../model/clipboard.ts';
import type { Command } from '../model/commands.ts';
import type { Doc } from '../model/doc.ts';
import { isConditionalGateway } from '../model/kinds.ts';

/** Everything an action may read or do; the designer builds one per render. */
export interface ActionContext {
  doc: Doc;
  selection: Selection;
  readOnly: boolean;
  canUndo: boolean;
  canRedo: boolean;
  run: (cmd: Command) => void;
  undo: () => void;
  redo: () => void;
  select: (selection: Selection) => void;
  clipboard: { read: () => Promise<Fragment | null>; write: (f: Fragment) => void };
  view: { fit: () => void; zoomIn: () => void; zoomOut: () => void };
  layout: () => void;
  save: () => void;
  publish: () => void;
  search: () => void;
  testRun: () => void;
}

export type ActionPlace = 'toolbar' | 'node' | 'flow' | 'pane';

/**
 * One action serves the toolbar, the keyboard and the context menu (Excalidraw's actions): its label,
 * icon, keys, where it appears, when it is enabled, and what it does.
 */
export interface Action {
  id: string;
  /** i18n key in the designer namespace. */
  label: string;
  icon: ComponentType<{ size?: number | string; stroke?: number }>;
  /** Key combinations: `mod` is Ctrl (⌘ on a Mac); e.g. `mod+shift+z`. */
  keys?: string[];
  places: ActionPlace[];
  enabled: (ctx: ActionContext) => boolean;
  perform: (ctx: ActionContext) => void;
}

const editable = (ctx: ActionContext) => !ctx.readOnly;
const hasSelection = (ctx: ActionContext) => ctx.selection.nodes.size + ctx.selection.flows.size > 0;
const oneFlow = (ctx: ActionContext) => {
  if (ctx.selection.flows.size !== 1 || ctx.selection.nodes.size !== 0) return undefined;
  const id = [...ctx.selection.flows][0];
  return ctx.doc.flows.find((f) => f.id === id);
};

const remove = (ctx: ActionContext) =>
  ctx.run({ do: 'removeElements', nodeIds: [...ctx.selection.nodes], flowIds: [...ctx.selection.flows] });

export const ACTIONS: readonly Action[] = [
  {
    id: 'undo',
    label: 'actions.undo',
    icon: IconArrowBackUp,
    keys: ['mod+z'],
    places: ['toolbar'],
    enabled: (c) => editable(c) && c.canUndo,
    perform: (c) => c.undo(),
  },
  {
    id: 'redo',
    label: 'actions.redo',
    icon: IconArrowForwardUp,
    keys: ['mod+shift+z', 'mod+y'],
    places: ['toolbar'],
    enabled: (c) => editable(c) && c.canRedo,
    perform: (c) => c.redo(),
  },
  {
    id: 'delete',
    label: 'actions.delete',
    icon: IconTrash,
    keys: ['delete', 'backspace'],
    places: ['toolbar', 'node', 'flow'],
    enabled: (c) => editable(c) && hasSelection(c),
    perform: remove,
  },
  {
    id: 'copy',
    label: 'actions.copy',
    icon: IconCopy,
    keys: ['mod+c'],
    places: ['node'],
    enabled: (c) => c.selection.nodes.size > 0,
    perform: (c) => c.clipboard.write(copy(c.doc, c.selection.nodes)),
  },
  {
    id: 'cut',
    label: 'actions.cut',
    icon: IconScissors,
    keys: ['mod+x'],
    places: ['node'],
    enabled: (c) => editable(c) && c.selection.nodes.size > 0,
    perform: (c) => {
      c.clipboard.write(copy(c.doc, c.selection.nodes));
      remove(c);
    },
  },
  {
    id: 'paste',
    label: 'actions.paste',
    icon: IconClipboard,
    keys: ['mod+v'],
    places: ['pane'],
    enabled: editable,
    perform: (c) => {
      void c.clipboard.read().then((fragment) => {
        if (!fragment || fragment.nodes.length === 0) return;
        const cmd = pasteCommand(c.doc, fragment);
        c.run(cmd);
        if (cmd.do === 'paste')
          c.select({
            nodes: new Set(cmd.nodes.map((n) => n.id)),
            flows: new Set(cmd.flows.map((f) => f.id)),
          });
      });
    },
  },
  {
    id: 'selectAll',
    label: 'actions.selectAll',
    icon: IconSelectAll,
    keys: ['mod+a'],
    places: ['pane'],
    enabled: () => true,
    perform: (c) =>
      c.select({
        nodes: new Set(c.doc.nodes.map((n) => n.id)),
        flows: new Set(c.doc.flows.map((f) => f.id)),
      }),
  },
  {
    id: 'setDefault',
    label: 'actions.setDefault',
    icon: IconStarFilled,
    places: ['flow'],
    enabled: (c) => {
      const f = oneFlow(c);
      return (
        editable(c) &&
        f !== undefined &&
        !f.default &&
        isConditionalGateway(c.doc.nodes.find((n) => n.id === f.source)?.type)
      );
    },
    perform: (c) => {
      const f = oneFlow(c);
      if (f) c.run({ do: 'setDefaultFlow', flowId: f.id, value: true });
    },
  },
  {
    id: 'layout',
    label: 'actions.layout',
    icon: IconLayoutDistributeVertical,
    keys: ['mod+shift+l'],
    places: ['toolbar', 'pane'],
    enabled: (c) => editable(c) && c.doc.nodes.length > 0,
    perform: (c) => c.layout(),
  },
  {
    id: 'fit',
    label: 'actions.fit',
    icon: IconFocusCentered,
    keys: ['shift+1'],
    places: ['toolbar', 'pane'],
    enabled: () => true,
    perform: (c) => c.view.fit(),
  },
  {
    id: 'zoomIn',
    label: 'actions.zoomIn',
    icon: IconZoomIn,
    keys: ['mod+='],
    places: [],
    enabled: () => true,
    perform: (c) => c.view.zoomIn(),
  },
  {
    id: 'zoomOut',
    label: 'actions.zoomOut',
    icon: IconZoomOut,
    keys: ['mod+-'],
    places: [],
    enabled: () => true,
    perform: (c) => c.view.zoomOut(),
  },
  {
    id: 'search',
    label: 'actions.search',
    icon: IconSearch,
    keys: ['mod+f'],
    places: ['toolbar'],
    enabled: () => true,
    perform: (c) => c.search(),
  },
  {
    id: 'testRun',
    label: 'actions.testRun',
    icon: IconFlask,
    keys: ['mod+shift+t'],
    places: ['toolbar'],
    enabled: () => true,
    perform: (c) => c.testRun(),
  },
  {
    id: 'save',
    label: 'actions.save',
    icon: IconDeviceFloppy,
    keys: ['mod+s'],
    places: ['toolbar'],
    enabled: editable,
    perform: (c) => c.save(),
  },
  {
    id: 'publish',
    label: 'actions.publish',
    icon: IconRocket,
    places: ['toolbar'],
    enabled: editable,
    perform: (c) => c.publish(),
  },
];

export const actionById = (id: string): Action => {
  const a = ACTIONS.find((x) => x.id === id);
  if (!a) throw new Error(`no action "${id}"`);
  return a;
};

/** The key combination of a keyboard event, normalised as in `Action.keys` (`mod` = Ctrl or ⌘). */
export function comboOf(e: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): string {
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('mod');
  if (e.altKey) parts.push('alt');
  if (e.shiftKey) parts.push('shift');
  const key = e.key === '!' ? '1' : e.key === '+' ? '=' : e.key.toLowerCase();
  parts.push(key);
  return parts.join('+');
}

/** The enabled action a key press triggers, if any. */
export function actionForKey(combo: string, ctx: ActionContext): Action | undefined {
  return ACTIONS.find((a) => a.keys?.includes(combo) && a.enabled(ctx));
}

/** How a key combination reads in a tooltip: `Ctrl+Shift+Z` (`⌘⇧Z` on a Mac). */
export function keyLabel(combo: string, mac: boolean): string {
  const names: Record<string, string> = mac
    ? { mod: '⌘', shift: '⇧', alt: '⌥', delete: '⌦', backspace: '⌫' }
    : { mod: 'Ctrl', shift: 'Shift', alt: 'Alt', delete: 'Del', backspace: 'Backspace' };
  const parts = combo.split('+').map((p) => names[p] ?? p.toUpperCase());
  return parts.join(mac ? '' : '+');
}
