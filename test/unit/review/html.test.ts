import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalClient } from '../../../src/api/client';
import { reviewPackageHtml, scriptSafeJson } from '../../../src/review/html';
import { newProject } from '../../helpers/temp-project';
import { HOSTILE, hostileProject } from './hostile-project';
import { packageData } from './package-html';

const hash = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

describe('the review package as HTML', () => {
  it('writes JSON that no text can close or bend, and that reads back as it was', () => {
    const value = { text: HOSTILE, nested: [HOSTILE, { '</script>': '<!--' }] };
    const json = scriptSafeJson(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('allows only its own script and styles, by hash, and loads nothing', () => {
    const assets = { script: 'document.body.dataset.ok = "1";', style: 'body { color: #123456; }' };
    const html = reviewPackageHtml({ projectName: HOSTILE, language: 'en', strings: { packageTitle: 'Review package' } } as never, assets);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!;
    expect(csp.split('; ')).toEqual([
      "default-src 'none'", `script-src 'sha256-${hash(assets.script)}'`, `style-src 'sha256-${hash(assets.style)}'`, 'img-src data:', "base-uri 'none'", "form-action 'none'",
    ]);
    expect(html).toContain(`<script>${assets.script}</script>`);
    expect(html).toContain(`<style>${assets.style}</style>`);
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('refuses to inline a build whose code would close its own block', () => {
    const data = { projectName: 'x', language: 'en', strings: {} } as never;
    expect(() => reviewPackageHtml(data, { script: 'let a = "</script>";', style: '' })).toThrow(/closing tag/);
    expect(() => reviewPackageHtml(data, { script: '', style: 'a{} </style>' })).toThrow(/closing tag/);
  });

  describe('a project with hostile text in every field', () => {
    let client: LocalClient;
    let html: string;
    beforeAll(async () => {
      client = await newProject();
      await hostileProject(client);
      html = Buffer.from((await client.invoke('export.reviewPackage', { pseudonymise: false, journal: 'all' })).base64!, 'base64').toString('utf8');
    });
    afterAll(() => client.session.close());

    it('has only the page’s own script, style and data blocks', () => {
      expect(html.match(/<script/gi)).toHaveLength(2);
      expect(html.match(/<\/script/gi)).toHaveLength(2);
      expect(html.match(/<style/gi)).toHaveLength(1);
      expect(html).not.toMatch(/<img|<textarea|<!--/i);
    });

    it('carries every field literally, to be read back exactly', () => {
      const data = packageData(html);
      const theme = data.themes.find((t) => t.name === `Tema ${HOSTILE}`)!;
      expect(data.projectName).toBe(`Studi ${HOSTILE}`);
      expect(data.description).toBe(HOSTILE);
      expect([theme.definition, theme.scope, theme.finding, theme.convergenceReason]).toEqual([HOSTILE, HOSTILE, HOSTILE, HOSTILE]);
      expect(data.columns[0]!.label).toBe(`Jenis ${HOSTILE}`);
      expect(data.codes[0]).toMatchObject({ name: `Kode ${HOSTILE}`, description: HOSTILE });
      expect(data.extracts[0]).toMatchObject({ text: `Kata informan ${HOSTILE} selesai.`, document: `Transkrip ${HOSTILE}`, types: [`Jenis ${HOSTILE}`] });
      expect(data.links[0]!.label).toBe(HOSTILE);
      expect(data.comments[0]!.body).toBe(HOSTILE);
      expect(data.journal.find((j) => j.title === HOSTILE)!.body).toBe(HOSTILE);
    });
  });
});
