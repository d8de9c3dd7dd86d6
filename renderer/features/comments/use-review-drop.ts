import { useEffect, useState } from 'react';

/** A drag carries files from outside the page (not a code, theme or text dragged inside it). */
const carriesFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * Drag-and-drop of a supervisor's comments file onto the window: while a file is dragged over the
 * window, `over` is true (the page shows where to drop it); a dropped file is handed to `onFile`.
 * Drags inside the page (codes onto a selection, themes on the board) carry no files and are left
 * to their own targets. Only when `enabled` (a project open for writing).
 */
export function useReviewDrop(enabled: boolean, onFile: (file: File) => void): { readonly over: boolean } {
  const [over, setOver] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    // dragenter and dragleave fire for every element crossed: the window is left when the count is back to 0.
    let depth = 0;
    const enter = (event: DragEvent) => { if (carriesFiles(event)) { depth++; setOver(true); } };
    const leave = (event: DragEvent) => { if (carriesFiles(event) && --depth <= 0) { depth = 0; setOver(false); } };
    const overWindow = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser opens the dropped file in place of the app.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setOver(false);
      const file = event.dataTransfer?.files[0];
      if (file) onFile(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overWindow);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
      window.removeEventListener('dragover', overWindow);
    };
  }, [enabled, onFile]);
  return { over };
}
