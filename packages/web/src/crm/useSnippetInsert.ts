import { useRef } from 'react';
import { insertSnippet } from './placeholders.ts';

/**
 * Puts snippets into a text box at its caret, replacing the selection (at the end when the box was
 * never focused), and leaves the caret after the snippet. `ref` goes on the box.
 */
export function useSnippetInsert(text: string, setText: (text: string) => void) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const insert = (snippet: string) => {
    const box = ref.current;
    const at = insertSnippet(
      text,
      box?.selectionStart ?? text.length,
      box?.selectionEnd ?? text.length,
      snippet,
    );
    setText(at.text);
    requestAnimationFrame(() => {
      box?.focus();
      box?.setSelectionRange(at.caret, at.caret);
    });
  };
  return { ref, insert };
}
