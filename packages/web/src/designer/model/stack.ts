import { type Command, type CommandName, runCommand } from './commands.ts';
import type { Doc } from './doc.ts';
import { applyOps, invert, type Op } from './ops.ts';

/** One undoable step: the command's name and every op it made (behaviours' follow-ups included). */
export interface Edit {
  /** Unique within the editor: a saved marker compares against it (see `revision`). */
  readonly id: number;
  readonly name: CommandName;
  readonly ops: readonly Op[];
  /** Consecutive edits with the same key fold into one (typing into a field is one undo step). */
  readonly mergeKey?: string;
}

/**
 * The definition and its command stack (diagram-js CommandStack, but immutable): `past` ends with the
 * edit undo reverts, `future` starts with the one redo re-applies. A new edit clears `future`.
 */
export interface Editor {
  readonly doc: Doc;
  readonly past: readonly Edit[];
  readonly future: readonly Edit[];
  readonly nextId: number;
}

/** Undo keeps this many steps; the oldest fall off. */
export const UNDO_LIMIT = 200;

export function createEditor(doc: Doc): Editor {
  return { doc, past: [], future: [], nextId: 1 };
}

/** Runs a command and records it. A command that changes nothing leaves the editor as it was. */
export function execute(editor: Editor, cmd: Command, options: { mergeKey?: string } = {}): Editor {
  const { ops, doc } = runCommand(editor.doc, cmd);
  if (ops.length === 0) return editor;
  const top = editor.past.at(-1);
  if (options.mergeKey !== undefined && top?.mergeKey === options.mergeKey && editor.future.length === 0) {
    const merged: Edit = {
      id: editor.nextId,
      name: top.name,
      ops: [...top.ops, ...ops],
      mergeKey: options.mergeKey,
    };
    return { doc, past: [...editor.past.slice(0, -1), merged], future: [], nextId: editor.nextId + 1 };
  }
  const edit: Edit = {
    id: editor.nextId,
    name: cmd.do,
    ops,
    ...(options.mergeKey === undefined ? {} : { mergeKey: options.mergeKey }),
  };
  return { doc, past: [...editor.past, edit].slice(-UNDO_LIMIT), future: [], nextId: editor.nextId + 1 };
}

export function undo(editor: Editor): Editor {
  const edit = editor.past.at(-1);
  if (!edit) return editor;
  return {
    doc: applyOps(editor.doc, invert(edit.ops)),
    past: editor.past.slice(0, -1),
    future: [edit, ...editor.future],
    nextId: editor.nextId,
  };
}

export function redo(editor: Editor): Editor {
  const edit = editor.future[0];
  if (!edit) return editor;
  return {
    doc: applyOps(editor.doc, edit.ops),
    past: [...editor.past, edit],
    future: editor.future.slice(1),
    nextId: editor.nextId,
  };
}

/** Ends merging: the next edit with the same key starts a new undo step (called when a field loses focus). */
export function seal(editor: Editor): Editor {
  const top = editor.past.at(-1);
  if (top?.mergeKey === undefined) return editor;
  return { ...editor, past: [...editor.past.slice(0, -1), { id: top.id, name: top.name, ops: top.ops }] };
}

/** Identifies the current state of the stack: equal revisions mean equal definitions (for "unsaved"). */
export function revision(editor: Editor): number {
  return editor.past.at(-1)?.id ?? 0;
}
