import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';

const G = (n: number) => `5E1A0C00-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** One case of the study: its name, the documents it speaks in, and its classification attributes. */
export interface FixtureCase {
  readonly name: string;
  readonly source?: 'rina' | 'dedi';
  readonly role?: string;
  readonly kota?: string;
  readonly sektor?: string;
  readonly lamaUsaha?: number;
}

/** Four informants as NVivo classifies them: a type-like "Role", and "Kota", "Sektor" and an integer "Lama usaha" beside it. */
export const FIXTURE_CASES: readonly FixtureCase[] = [
  { name: 'Bu Rina', source: 'rina', role: 'Pemilik UMKM', kota: 'Yogyakarta', sektor: 'Fashion', lamaUsaha: 5 },
  { name: 'Mas Dedi', source: 'dedi', role: 'Pemilik UMKM', kota: 'Solo', sektor: 'Kopi', lamaUsaha: 3 },
  { name: 'Mbak Sinta', role: 'Konsumen', kota: 'Yogyakarta', sektor: 'Fashion' },
  { name: 'Pak Hadi', role: 'Pakar pemasaran', kota: 'Semarang' },
];

const TEXTS = {
  rina: 'Pewawancara: Bagaimana Ibu mengajak pelanggan ikut merancang?\nBu Rina: Kami bikin polling di Instagram, pelanggan memilih motif batik yang mau diproduksi.\n',
  dedi: 'Pewawancara: Apa kendala terbesar?\nMas Dedi: Modal, Mas. Pesanan naik tapi mesin roasting cuma satu.\n',
} as const;

const value = (variable: number, element: string, text: string | number | undefined) =>
  text === undefined ? '' : `<VariableValue><VariableRef targetGUID="${G(variable)}"/><${element}>${text}</${element}></VariableValue>`;

/** The project.qde of an NVivo-shaped export with cases and several variables; `cases` replaces the four above. */
export function casesProjectXml(cases: readonly FixtureCase[] = FIXTURE_CASES, variables: readonly ('Role' | 'Kota' | 'Sektor' | 'Lama usaha')[] = ['Role', 'Kota', 'Sektor', 'Lama usaha']): string {
  const declared = { Role: 20, Kota: 21, Sektor: 22, 'Lama usaha': 23 } as const;
  const has = (name: keyof typeof declared) => variables.includes(name);
  const at = (text: string, phrase: string) => { const start = [...text.slice(0, text.indexOf(phrase))].length; return `startPosition="${start}" endPosition="${start + [...phrase].length}"`; };
  return `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Studi kasus UMKM" origin="NVivo 14.23.0" creatingUserGUID="${G(1)}" creationDateTime="2024-03-01T08:00:00Z">
  <Users><User guid="${G(1)}" name="Rina Peneliti"/></Users>
  <CodeBook><Codes>
    <Code guid="${G(10)}" name="Co-creation" isCodable="true"/>
    <Code guid="${G(11)}" name="Kendala modal" isCodable="true"/>
  </Codes></CodeBook>
  <Variables>
    ${variables.map((name) => `<Variable guid="${G(declared[name])}" name="${name}" typeOfVariable="${name === 'Lama usaha' ? 'Integer' : 'Text'}"/>`).join('\n    ')}
  </Variables>
  <Cases>
    ${cases.map((c, i) => `<Case guid="${G(30 + i)}" name="${c.name}">${[
    has('Role') ? value(20, 'TextValue', c.role) : '', has('Kota') ? value(21, 'TextValue', c.kota) : '',
    has('Sektor') ? value(22, 'TextValue', c.sektor) : '', has('Lama usaha') ? value(23, 'IntegerValue', c.lamaUsaha) : '',
    c.source ? `<SourceRef targetGUID="${G(c.source === 'rina' ? 50 : 51)}"/>` : '',
  ].join('')}</Case>`).join('\n    ')}
  </Cases>
  <Sources>
    <TextSource guid="${G(50)}" name="Wawancara Bu Rina" plainTextPath="internal://${G(50)}.txt">
      <PlainTextSelection guid="${G(60)}" ${at(TEXTS.rina, 'polling di Instagram')} creatingUser="${G(1)}">
        <Coding guid="${G(70)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(10)}"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <TextSource guid="${G(51)}" name="Wawancara Mas Dedi" plainTextPath="internal://${G(51)}.txt">
      <PlainTextSelection guid="${G(61)}" ${at(TEXTS.dedi, 'mesin roasting cuma satu')} creatingUser="${G(1)}">
        <Coding guid="${G(71)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(11)}"/></Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
  <Sets>
    <Set guid="${G(80)}" name="Yogyakarta"><MemberSource targetGUID="${G(50)}"/></Set>
  </Sets>
</Project>
`;
}

/** Writes the export as `name` in `dir` (over an older one: a file that changed after it was inspected). */
export function writeCasesProject(dir: string, name = 'studi-nvivo.qdpx', projectXml = casesProjectXml()): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, zipSync({
    'project.qde': strToU8(projectXml),
    [`sources/${G(50)}.txt`]: strToU8(TEXTS.rina),
    [`sources/${G(51)}.txt`]: strToU8(TEXTS.dedi),
  }));
  return file;
}
