import { describe, expect, it } from 'vitest';
import { createOpenTeamHandler, type InvokeEvent } from '../../../main/ipc-router';
import { isOfOrigin, teamNavigationDecision, teamPartition, teamServerOrigin } from '../../../main/team-origin';

const origin = (address: string) => {
  const checked = teamServerOrigin(address);
  return checked.ok ? checked.origin : `refused: ${checked.error.text?.en ?? checked.error.message}`;
};

describe('the address of a team server', () => {
  it('takes https addresses, with or without the scheme, as their origin', () => {
    expect(origin('https://tematik.example.ac.id')).toBe('https://tematik.example.ac.id');
    expect(origin('  tematik.example.ac.id/projects?x=1 ')).toBe('https://tematik.example.ac.id');
    expect(origin('https://TEMATIK.example.ac.id:8443/')).toBe('https://tematik.example.ac.id:8443');
  });

  it('takes http only for a server on this computer', () => {
    expect(origin('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(origin('http://localhost:8080/')).toBe('http://localhost:8080');
    expect(origin('http://tematik.example.ac.id')).toMatch(/^refused: Passwords and transcripts would travel unencrypted to tematik\.example\.ac\.id/);
  });

  it('refuses what is not a web address, other schemes and credentials, in both languages', () => {
    expect(origin('')).toMatch(/^refused: Type the address/);
    expect(origin('https://')).toMatch(/is not a web address/);
    expect(origin('file:///etc/passwd')).toMatch(/^refused: A team server is reached with https:\/\/ \("file:\/\/\/etc\/passwd" uses file\)/);
    expect(origin('javascript://x/%0aalert(1)')).toMatch(/uses javascript/);
    expect(origin('https://sari:secret@tematik.example.ac.id')).toMatch(/Leave the user name and password out/);
    const refused = teamServerOrigin('http://tematik.example.ac.id');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.text?.id).toMatch(/tanpa enkripsi ke tematik\.example\.ac\.id/);
  });
});

describe('where a team window may go', () => {
  const server = 'https://tematik.example.ac.id';
  it('stays on its server; other https links open in the browser; the local app and everything else are refused', () => {
    expect(teamNavigationDecision(server, 'https://tematik.example.ac.id/#/map')).toBe('allow');
    expect(teamNavigationDecision(server, 'https://tematik.example.ac.id:444/')).toBe('open-externally');
    expect(teamNavigationDecision(server, 'https://umkm.go.id/data')).toBe('open-externally');
    expect(teamNavigationDecision(server, 'tematik://app/index.html')).toBe('deny');
    expect(teamNavigationDecision(server, 'http://tematik.example.ac.id/')).toBe('deny');
    expect(teamNavigationDecision(server, 'file:///home/sari/study.tematik')).toBe('deny');
    expect(teamNavigationDecision(server, 'https://user:pw@tematik.example.ac.id/')).toBe('deny');
  });

  it('reaches its own origin only, and keeps one cookie jar per server', () => {
    expect(isOfOrigin('https://tematik.example.ac.id/api/team/session', server)).toBe(true);
    expect(isOfOrigin('https://tematik.example.ac.id.evil.example/api', server)).toBe(false);
    expect(isOfOrigin('not a url', server)).toBe(false);
    expect(teamPartition(server)).toMatch(/^persist:team-/);
    expect(teamPartition(server)).not.toBe(teamPartition('https://other.example.ac.id'));
  });
});

describe('the open-team IPC handler', () => {
  const from = (url: string): InvokeEvent => ({ senderFrame: { url, parent: null }, sender: { send: () => undefined, isDestroyed: () => false } });

  it('opens the checked origin for our own window, and answers a bad address with the reason', () => {
    const opened: string[] = [];
    const handle = createOpenTeamHandler({ open: (o) => opened.push(o), log: () => undefined });
    expect(handle(from('tematik://app/index.html'), 'tematik.example.ac.id')).toBeNull();
    expect(opened).toEqual(['https://tematik.example.ac.id']);
    expect(handle(from('tematik://app/index.html'), 'http://tematik.example.ac.id')?.kind).toBe('bad_input');
    expect(handle(from('tematik://app/index.html'), 42)?.kind).toBe('bad_input');
    expect(opened).toHaveLength(1);
  });

  it('refuses a page that is not ours, a team server\'s page included', () => {
    const opened: string[] = [];
    const logged: string[] = [];
    const handle = createOpenTeamHandler({ open: (o) => opened.push(o), log: (m) => logged.push(m) });
    expect(handle(from('https://tematik.example.ac.id/'), 'https://evil.example')?.message).toMatch(/Refused/);
    expect(opened).toEqual([]);
    expect(logged).toHaveLength(1);
  });
});
