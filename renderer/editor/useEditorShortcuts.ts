/**
 * Document-wide shortcuts: Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo own edits everywhere
 * (rich-text editors route them through Lexical's commands to the same undo manager; form
 * inputs would otherwise use the browser's own, per-input undo), Ctrl+F opens Find.
 */
import { useEffect } from 'react';
import { useSession } from '../session/hooks';

export function useEditorShortcuts({ onFind }: { onFind: () => void }): void {
  const session = useSession();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      const target = e.target as HTMLElement | null;
      const inRichText = !!target?.closest('[contenteditable="true"]');
      if (key === 'f') {
        e.preventDefault();
        onFind();
        return;
      }
      if (inRichText) return;
      if (key === 'z' || key === 'y') {
        e.preventDefault();
        if (key === 'y' || e.shiftKey) session.redo();
        else session.undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session, onFind]);
}
