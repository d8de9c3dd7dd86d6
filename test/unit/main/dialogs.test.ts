import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dialogRequest, withProjectExtension } from '../../../main/dialogs';
import type { DialogKind } from '../../../src/api/session';

describe('the native file dialogs', () => {
  const home = path.resolve('/home/peneliti/Documents');

  it('opens projects and sheets with their filters, and transcripts several at a time', () => {
    expect(dialogRequest('openProject', home)).toMatchObject({ type: 'open', options: { properties: ['openFile'], filters: [{ extensions: ['tematik'] }] } });
    expect(dialogRequest('informantSheet', home)).toMatchObject({ type: 'open', options: { properties: ['openFile'], filters: [{ extensions: ['csv'] }] } });
    expect(dialogRequest('importFolder', home)).toMatchObject({ type: 'open', options: { properties: ['openDirectory'] } });
    const files = dialogRequest('importFiles', home);
    expect(files.type).toBe('open');
    expect(files.options.properties).toEqual(['openFile', 'multiSelections']);
    expect(files.options.filters?.[0]?.extensions).toEqual(['txt', 'md', 'docx', 'vtt', 'srt']);
  });

  it('creates a project through a save dialog that defaults to a .tematik name', () => {
    const request = dialogRequest('newProject', home);
    expect(request.type).toBe('save');
    expect(request.options.defaultPath).toBe(path.join(home, 'Untitled.tematik'));
    expect(request.options.filters).toEqual([{ name: 'Tematik project', extensions: ['tematik'] }]);
  });

  it('has a dialog for every kind the contract can ask for, starting in the given folder', () => {
    const kinds: DialogKind[] = ['openProject', 'newProject', 'importFiles', 'importFolder', 'informantSheet', 'saveCopy', 'mergeCopy'];
    for (const kind of kinds) expect(dialogRequest(kind, home).options.defaultPath?.startsWith(home), kind).toBe(true);
  });

  it('saves a copy for another coder to a new .tematik file, and opens a coder\'s copy to merge', () => {
    const save = dialogRequest('saveCopy', home);
    expect(save).toMatchObject({ type: 'save', options: { filters: [{ extensions: ['tematik'] }] } });
    // A copy never replaces a file, so the dialog does not offer to.
    expect(save.options.properties).not.toContain('showOverwriteConfirmation');
    expect(dialogRequest('mergeCopy', home)).toMatchObject({ type: 'open', options: { properties: ['openFile'], filters: [{ extensions: ['tematik'] }] } });
  });

  it('adds .tematik to a typed name without it', () => {
    expect(withProjectExtension('/data/studi')).toBe('/data/studi.tematik');
    expect(withProjectExtension('/data/studi.v2')).toBe('/data/studi.v2.tematik');
    expect(withProjectExtension('/data/studi.tematik')).toBe('/data/studi.tematik');
    expect(withProjectExtension('/data/Studi.TEMATIK')).toBe('/data/Studi.TEMATIK');
  });
});
