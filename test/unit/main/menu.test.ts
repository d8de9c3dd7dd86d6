import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate, type MenuState } from '../../../main/menu';
import type { MenuCommand, MenuEventArgs } from '../../../src/api/bridge';

function build(overrides: Partial<MenuState> = {}) {
  const sent: MenuEventArgs[] = [];
  const template = menuTemplate({ platform: 'linux', isDev: false, projectOpen: true, recent: [], send: (...args) => sent.push(args), ...overrides });
  return { template, sent };
}

/** Every item of the menu, depth first, with the labels of the menus above it. */
function items(template: readonly MenuItemConstructorOptions[], trail: string[] = []): { item: MenuItemConstructorOptions; trail: string[] }[] {
  return template.flatMap((item) => {
    const here = [...trail, item.label ?? item.role ?? item.type ?? '?'];
    const sub = Array.isArray(item.submenu) ? items(item.submenu, here) : [];
    return [{ item, trail: here }, ...sub];
  });
}

const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();
const find = (template: readonly MenuItemConstructorOptions[], label: string) => {
  const found = items(template).filter(({ item }) => item.label === label && item.visible !== false);
  expect(found, label).toHaveLength(1);
  return found[0]!.item;
};

const COMMANDS: readonly [label: string, command: Exclude<MenuCommand, 'open-path'>, accelerator: string | undefined][] = [
  ['New Project…', 'new-project', 'CmdOrCtrl+Shift+N'],
  ['Open Project…', 'open-project', 'CmdOrCtrl+O'],
  ['Open Sample Project', 'open-sample', undefined],
  ['Open Team Project…', 'open-team', undefined],
  ['Import Transcripts…', 'import', 'CmdOrCtrl+I'],
  ['Import Review Comments…', 'import-review', undefined],
  ['Export…', 'export', 'CmdOrCtrl+E'],
  ['Close Project', 'close-project', undefined],
  ['Undo', 'undo', 'CmdOrCtrl+Z'],
  ['Redo', 'redo', 'CmdOrCtrl+Shift+Z'],
  ['Find…', 'find', 'CmdOrCtrl+F'],
];

describe('the native menu', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`sends the right command from every app item, with its shortcut (${platform})`, () => {
      const { template, sent } = build({ platform });
      for (const [label, command, accelerator] of COMMANDS) {
        const item = find(template, label);
        expect(item.accelerator, label).toBe(accelerator);
        expect(item.enabled, label).toBe(true);
        sent.length = 0;
        click(item);
        expect(sent, label).toEqual([[command]]);
      }
      // Every command the renderer handles is reachable from the menu.
      const reachable = new Set<string>();
      for (const { item } of items(template)) {
        if (!item.click) continue;
        sent.length = 0;
        click(item);
        for (const [command] of sent) reachable.add(command);
      }
      expect([...reachable].sort()).toEqual(COMMANDS.map(([, command]) => command).sort());
    });
  }

  it('also takes Ctrl+Y for Redo on Windows and Linux, through a hidden item', () => {
    for (const platform of ['linux', 'win32'] as const) {
      const { template, sent } = build({ platform });
      const hidden = items(template).filter(({ item }) => item.accelerator === 'Ctrl+Y').map(({ item }) => item);
      expect(hidden).toHaveLength(1);
      expect(hidden[0]).toMatchObject({ visible: false, acceleratorWorksWhenHidden: true });
      click(hidden[0]!);
      expect(sent).toEqual([['redo']]);
    }
    expect(items(build({ platform: 'darwin' }).template).some(({ item }) => item.accelerator === 'Ctrl+Y')).toBe(false);
  });

  it('gives no two visible items the same shortcut', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const accelerators = items(build({ platform, isDev: true }).template).map(({ item }) => item.accelerator).filter((a) => a !== undefined);
      expect(new Set(accelerators).size, platform).toBe(accelerators.length);
    }
  });

  it('uses roles for editing, zoom and full screen, and offers Reload only in development', () => {
    const roles = (state: Partial<MenuState>) => items(build(state).template).map(({ item }) => item.role).filter(Boolean);
    const linux = roles({ platform: 'linux' });
    for (const role of ['cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'quit', 'about']) expect(linux).toContain(role);
    expect(linux).not.toContain('reload');
    expect(linux).not.toContain('toggleDevTools');
    // Undo and Redo are commands, not roles: the renderer chooses between text and project undo.
    expect(linux).not.toContain('undo');
    expect(roles({ platform: 'linux', isDev: true })).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
    const mac = roles({ platform: 'darwin' });
    expect(mac).toEqual(expect.arrayContaining(['appMenu', 'windowMenu', 'cut', 'copy', 'paste']));
    expect(mac).not.toContain('quit');
  });

  it('lists recent projects, each opening its path', () => {
    const recent = [
      { path: '/data/umkm.tematik', name: 'Co-creation UMKM', openedAt: '2025-01-02T00:00:00Z' },
      { path: '/data/pilot.tematik', name: 'Pilot', openedAt: '2025-01-01T00:00:00Z' },
    ];
    const { template, sent } = build({ recent });
    const submenu = find(template, 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(submenu.map((item) => item.label)).toEqual(['Co-creation UMKM', 'Pilot']);
    click(submenu[1]!);
    expect(sent).toEqual([['open-path', '/data/pilot.tematik']]);

    const empty = find(build({ recent: [] }).template, 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(empty).toEqual([{ label: 'No Recent Projects', enabled: false }]);
  });

  it('disables the project items while no project is open', () => {
    const { template } = build({ projectOpen: false });
    for (const label of ['Import Transcripts…', 'Export…', 'Close Project']) expect(find(template, label).enabled, label).toBe(false);
    for (const label of ['New Project…', 'Open Project…', 'Open Sample Project', 'Undo', 'Find…']) expect(find(template, label).enabled, label).toBe(true);
  });
});
