import { type CompileOutcome, compile, type Problem } from '@baton/engine';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { EMPTY_SELECTION, type Selection } from '../model/canvas.ts';
import type { Command } from '../model/commands.ts';
import type { Doc } from '../model/doc.ts';
import { createEditor, type Editor, execute, redo, revision, seal, undo } from '../model/stack.ts';

type EditorAction =
  | { type: 'execute'; cmd: Command; mergeKey?: string }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'seal' }
  | { type: 'reset'; doc: Doc };

function reducer(editor: Editor, action: EditorAction): Editor {
  if (action.type === 'execute')
    return execute(editor, action.cmd, action.mergeKey === undefined ? {} : { mergeKey: action.mergeKey });
  if (action.type === 'undo') return undo(editor);
  if (action.type === 'redo') return redo(editor);
  if (action.type === 'seal') return seal(editor);
  return createEditor(action.doc);
}

/** Drops ids that no longer exist (after an undo or a removal) from a selection. */
function pruned(selection: Selection, doc: Doc): Selection {
  const nodes = new Set(doc.nodes.map((n) => n.id));
  const flows = new Set(doc.flows.map((f) => f.id));
  const keepNodes = [...selection.nodes].every((id) => nodes.has(id));
  const keepFlows = [...selection.flows].every((id) => flows.has(id));
  if (keepNodes && keepFlows) return selection;
  return {
    nodes: new Set([...selection.nodes].filter((id) => nodes.has(id))),
    flows: new Set([...selection.flows].filter((id) => flows.has(id))),
  };
}

/** The editor of one definition: its command stack, the selection, and the saved marker. */
export function useEditor(initial: Doc) {
  const [editor, dispatch] = useReducer(reducer, initial, createEditor);
  const [selection, setSelectionState] = useState<Selection>(EMPTY_SELECTION);
  const [saved, setSaved] = useState(0);
  const doc = editor.doc;
  const current = pruned(selection, doc);

  const run = useCallback((cmd: Command, mergeKey?: string) => {
    dispatch({ type: 'execute', cmd, ...(mergeKey === undefined ? {} : { mergeKey }) });
  }, []);
  const setSelection = useCallback((next: Selection) => setSelectionState(next), []);
  const updateSelection = useCallback(
    (update: (previous: Selection) => Selection) => setSelectionState(update),
    [],
  );

  return {
    editor,
    doc,
    selection: current,
    setSelection,
    updateSelection,
    run,
    undo: useCallback(() => dispatch({ type: 'undo' }), []),
    redo: useCallback(() => dispatch({ type: 'redo' }), []),
    /** Ends the current typing run: the next keystroke in the same field is a new undo step. */
    seal: useCallback(() => dispatch({ type: 'seal' }), []),
    reset: useCallback((next: Doc) => {
      dispatch({ type: 'reset', doc: next });
      setSaved(0);
    }, []),
    dirty: revision(editor) !== saved,
    markSaved: useCallback(() => setSaved(revision(editor)), [editor]),
  };
}
export type EditorApi = ReturnType<typeof useEditor>;

/**
 * Validation is the engine's `compile`, run on the definition a moment after it stops changing (a big
 * template takes a tenth of a second to compile; typing must not wait for it).
 */
export function useValidation(doc: Doc): { outcome: CompileOutcome | null; problems: Problem[] } {
  const [outcome, setOutcome] = useState<CompileOutcome | null>(null);
  const first = useRef(true);
  useEffect(() => {
    const delay = first.current ? 0 : doc.nodes.length > 300 ? 600 : 200;
    first.current = false;
    const timer = setTimeout(() => setOutcome(compile(doc)), delay);
    return () => clearTimeout(timer);
  }, [doc]);
  const problems = useMemo(
    () => (outcome ? (outcome.ok ? outcome.warnings : outcome.problems) : []),
    [outcome],
  );
  return { outcome, problems };
}
