import { beforeAll, describe, expect, it } from 'vitest';
import type { LocalClient } from '../../../src/api/client';
import type { Args } from '../../../src/api/contract';
import type { CodeId } from '../../../src/domain/ids';
import type { DocumentContent } from '../../../src/domain/types';
import { refused } from '../../helpers/refused';
import { newProject, SAMPLE_SHEET, SAMPLE_STUDY } from '../../helpers/temp-project';
import { openedAs } from '../../helpers/test-store';
import { docxParts, plainText } from './docx-parts';

/*
 * The method paragraph on inter-coder agreement, read from the real .docx. The sample study
 * (11 transcripts): Ayu and Bima code four of them, Citra one that nobody else coded, so two
 * coders share four documents and Citra is not compared with anyone.
 */

let file: string;
let documents: DocumentContent[];
const codes: Record<'polling' | 'capacity', CodeId> = {} as never;

/** Opens the project as `coder`, codes turns (characters 2–6 of each), closes it. */
async function as(coder: string, plan: readonly (readonly [document: number, code: 'polling' | 'capacity', turns: readonly number[]])[]): Promise<void> {
  const client = await openedAs(file, coder);
  try {
    for (const [d, code, turns] of plan) {
      for (const k of turns) {
        const turn = documents[d]!.turns[k]!;
        await client.invoke('codings.apply', { documentId: documents[d]!.id, codeId: codes[code], start: turn.start + 2, end: turn.start + 6 });
      }
    }
  } finally {
    await client.session.close();
  }
}

/** Runs `body` on the project opened read-only, as an onlooker. */
async function onlooker<T>(body: (client: LocalClient) => Promise<T>): Promise<T> {
  const client = await openedAs(file, 'Pembimbing', { readOnly: true });
  try {
    return await body(client);
  } finally {
    await client.session.close();
  }
}

/** The report's paragraphs, as text. */
async function paragraphsOf(args: Args<'report.word'>): Promise<string[]> {
  const result = await onlooker((c) => c.invoke('report.word', args));
  const xml = docxParts(Buffer.from(result.base64!, 'base64')).text('word/document.xml');
  return plainText(xml).split('\n').map((p) => p.trim());
}

const two = (locale: string, value: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);

beforeAll(async () => {
  const project = await newProject('Ayu');
  file = project.file;
  await project.invoke('import.folder', { folder: SAMPLE_STUDY, sheet: SAMPLE_SHEET });
  const list = await project.invoke('documents.list', {});
  documents = [];
  for (const d of list) documents.push(await project.invoke('documents.get', { id: d.id }));
  // Documents with enough turns to code turns 1–4.
  documents = documents.filter((d) => d.turns.length >= 6);
  codes.polling = (await project.invoke('codes.create', { name: 'polling' })).id;
  codes.capacity = (await project.invoke('codes.create', { name: 'kapasitas produksi' })).id;
  await project.session.close();
  expect(list).toHaveLength(11);
  expect(documents.length).toBeGreaterThanOrEqual(5);
}, 60_000);

describe('the method paragraph on inter-coder agreement', () => {
  it('is absent while no document was coded by two coders, even when asked for', async () => {
    await as('Ayu', [[0, 'polling', [1, 3]], [1, 'polling', [1]], [1, 'capacity', [2]], [2, 'capacity', [2, 4]], [3, 'polling', [1, 2]]]);
    await as('Citra', [[4, 'polling', [1]]]);
    const paragraphs = await paragraphsOf({ language: 'en', agreement: { coefficient: 'alpha' } });
    expect(paragraphs.some((p) => p.startsWith('The codebook holds'))).toBe(true);
    expect(paragraphs.join('\n')).not.toMatch(/coders? coded|Krippendorff/);
  });

  it('names the coders and documents compared, the coefficient and the unit, in English and Indonesian', async () => {
    await as('Bima', [[0, 'polling', [1, 4]], [1, 'polling', [1]], [1, 'capacity', [2, 3]], [2, 'capacity', [2]], [3, 'polling', [2]]]);
    const byTurn = await onlooker((c) => c.invoke('analysis.agreement', { coders: ['Ayu', 'Bima'] }));
    // The four documents both coded; Citra's document has one coder and is not compared.
    expect(byTurn.documents.filter((d) => d.coderIds.length >= 2)).toHaveLength(4);
    const alpha = byTurn.rows[0]!.alpha!;
    expect(alpha).toBeGreaterThan(0);
    expect(alpha).toBeLessThan(1);

    const en = await paragraphsOf({ language: 'en', agreement: { coefficient: 'alpha' } });
    expect(en).toContain(`Two coders coded 4 of the 11 documents independently; Krippendorff’s α = ${two('en-GB', alpha)} (nominal; unit: speaker turn).`);
    // Right after the sentence on the codebook.
    expect(en[en.findIndex((p) => p.startsWith('The codebook holds')) + 1]).toMatch(/^Two coders coded/);

    const id = await paragraphsOf({ language: 'id', agreement: { coefficient: 'alpha' } });
    const idAlpha = two('id-ID', alpha);
    expect(idAlpha).toContain(',');
    expect(id).toContain(`Dua pengode mengode 4 dari 11 dokumen secara independen; α Krippendorff = ${idAlpha} (nominal; unit: giliran bicara).`);

    const byDocument = await onlooker((c) => c.invoke('analysis.agreement', { coders: ['Ayu', 'Bima'], unit: 'document' }));
    const percent = new Intl.NumberFormat('id-ID', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(byDocument.rows[0]!.percent!);
    expect(percent).toMatch(/^\d+,\d\s?%$/);
    expect(await paragraphsOf({ language: 'id', agreement: { coefficient: 'percent', unit: 'document' } }))
      .toContain(`Dua pengode mengode 4 dari 11 dokumen secara independen; persentase kesepakatan = ${percent} (nominal; unit: dokumen).`);
    const kappa = byTurn.rows[0]!.cohenKappa!;
    expect(await paragraphsOf({ language: 'en', agreement: { coefficient: 'cohenKappa' } }))
      .toContain(`Two coders coded 4 of the 11 documents independently; Cohen’s κ = ${two('en-GB', kappa)} (nominal; unit: speaker turn).`);
  });

  it('is absent when not asked for', async () => {
    const paragraphs = await paragraphsOf({ language: 'en' });
    expect(paragraphs.join('\n')).not.toMatch(/coders? coded|Krippendorff/);
  });

  it("counts a third coder who shares a document, and refuses Cohen's κ for three coders in the user's language", async () => {
    await as('Citra', [[0, 'polling', [1]]]);
    const three = await onlooker((c) => c.invoke('analysis.agreement', { coders: ['Ayu', 'Bima', 'Citra'] }));
    const bp = three.rows[0]!.brennanPrediger!;
    expect(await paragraphsOf({ language: 'en', agreement: { coefficient: 'brennanPrediger', unit: 'turn' } }))
      .toContain(`Three coders coded 4 of the 11 documents independently; Brennan–Prediger κ = ${two('en-GB', bp)} (nominal; unit: speaker turn).`);
    const error = await onlooker((c) => refused(c.invoke('report.word', { language: 'id', agreement: { coefficient: 'cohenKappa' } })));
    expect(error.kind).toBe('invalid_args');
    expect(error.message).toBe("Cohen's κ compares exactly two coders, but 3 coders (Ayu, Citra, Bima) coded documents in common. Choose Krippendorff's α, Brennan–Prediger κ or percent agreement for the report's method paragraph.");
    expect(error.text?.id).toMatch(/^κ Cohen hanya membandingkan tepat dua pengode, padahal 3 pengode \(Ayu, Citra, Bima\)/);
  });
});

