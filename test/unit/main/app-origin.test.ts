import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allowPermission, APP_ENTRY, isAppUrl, navigationDecision } from '../../../main/app-origin';
import { projectFromArgv } from '../../../main/launch-args';

describe('the navigation allow-list', () => {
  it('keeps the window on tematik://app', () => {
    expect(isAppUrl(APP_ENTRY)).toBe(true);
    expect(navigationDecision(APP_ENTRY)).toBe('allow');
    expect(navigationDecision('tematik://app/index.html#/themes')).toBe('allow');
    expect(navigationDecision('TEMATIK://APP/index.html')).toBe('allow');
  });

  it('hands plain https links to the OS browser', () => {
    expect(navigationDecision('https://www.example.org/paper.pdf')).toBe('open-externally');
    expect(navigationDecision('https://user:secret@example.org/')).toBe('deny');
  });

  it('refuses everything else', () => {
    for (const url of [
      'http://example.org/', 'http://127.0.0.1:5173/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<script>1</script>',
      'tematik://app.example.org/', 'tematik://other/index.html', 'tematik://app:1/', 'about:blank', 'chrome://settings', 'smb://server/share',
      'mailto:someone@example.org', '', 'index.html',
    ]) {
      expect(navigationDecision(url), url).toBe('deny');
    }
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });
});

describe('a project on the command line', () => {
  const cwd = path.resolve('/home/peneliti');
  it('takes the last .tematik argument, resolved against the working folder', () => {
    expect(projectFromArgv(['/opt/Tematik/tematik', 'studi.tematik'], cwd)).toBe(path.join(cwd, 'studi.tematik'));
    expect(projectFromArgv(['electron', '.', 'a.tematik', 'b.TEMATIK'], cwd)).toBe(path.join(cwd, 'b.TEMATIK'));
    const absolute = path.resolve('/data/UMKM study.tematik');
    expect(projectFromArgv(['tematik', '--no-sandbox', absolute, '--enable-logging'], cwd)).toBe(absolute);
    expect(projectFromArgv(['tematik', pathToFileURL(absolute).href], cwd)).toBe(absolute);
  });

  it('ignores the executable, switches and other files', () => {
    expect(projectFromArgv(['electron', '.'], cwd)).toBeNull();
    expect(projectFromArgv(['x.tematik'], cwd)).toBeNull();
    expect(projectFromArgv(['tematik', '--open=x.tematik', 'notes.txt', 'file://%zz'], cwd)).toBeNull();
  });
});

describe('permissions', () => {
  it('lets only our page write to the clipboard, and nothing else', () => {
    expect(allowPermission('clipboard-sanitized-write', 'tematik://app/index.html')).toBe(true);
    expect(allowPermission('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(allowPermission('clipboard-read', 'tematik://app/index.html')).toBe(false);
    expect(allowPermission('media', 'tematik://app/index.html')).toBe(false);
    expect(allowPermission('clipboard-sanitized-write', undefined)).toBe(false);
  });
});
