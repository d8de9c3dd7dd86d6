/**
 * Sentences the core says to the user (error messages, notices on opening a project), in
 * both interface languages. The core cannot know which language the window shows, so it
 * sends both and the renderer (or the CLI) picks one.
 *
 * Glossary, so every module (and the renderer's strings) says the same thing the same way.
 * Address the researcher as "Anda"; give the fix as a plain imperative ("Muat ulang …",
 * "Pilih …"), "silakan" only where a bare imperative would sound curt. Quote names with
 * straight "…" in both languages, as lists built from data (paths, file names) are quoted.
 * Keep REFI-QDA, .qdpx, .qdc, .docx, CSV, SVG, Ctrl+Z, zip and XML as they are. Pass ids,
 * offsets and line numbers as strings: numbers are counts and get the language's digit
 * grouping (1.234 in Indonesian).
 *
 *   project            proyek               file               berkas
 *   project file       berkas proyek        folder             folder
 *   code / sub-code    kode / sub-kode      codebook           buku kode
 *   coding             pengodean            extract, quote     kutipan
 *   passage, selection bagian teks         range              rentang
 *   exemplar quote     kutipan contoh       character          karakter
 *   theme / sub-theme  tema / subtema       theme map, model   peta tema, model tema
 *   link (of the model) hubungan            status             kandidat, ditinjau, terdefinisi, disisihkan
 *   definition         definisi             scope              batasan (apa yang bukan)
 *   informant          informan             informant type     jenis informan
 *   label              label                attribute          atribut
 *   informant sheet    lembar informan      document           transkrip
 *   speaker            pembicara            turn               giliran bicara
 *   interviewer        pewawancara          silent             diam
 *   memo               memo                 reflexive journal  jurnal reflektif
 *   note               catatan              comment            komentar
 *   search / hit       pencarian / temuan   co-occurrence      ko-okurensi
 *   triangulation      triangulasi          phase / checklist  fase / daftar periksa
 *   name to hide       nama yang disamarkan replacement        pengganti
 *   sample study       studi contoh         worked example     contoh lengkap
 *   import / export    impor / ekspor       read-only          hanya-baca
 *   backup             cadangan             key (1–9)          tombol
 *   refresh            muat ulang           try again          coba lagi
 *   undo               urungkan (Ctrl+Z)    nothing was changed tidak ada yang diubah
 *   does not exist     tidak ada            already exists     sudah ada
 */
export type Language = 'en' | 'id';

export interface LocalizedText {
  readonly en: string;
  readonly id: string;
}

/** Values for `{name}` placeholders: a piece already in both languages fills each language with its own. */
type Params = Readonly<Record<string, string | number | LocalizedText>>;

/**
 * One module's messages. As with the renderer's strings, the type makes Bahasa Indonesia as
 * complete as English: a key missing in either language fails the type-check.
 */
export function defineMessages<K extends string>(messages: { readonly en: Readonly<Record<K, string>>; readonly id: Readonly<Record<K, string>> }) {
  return (key: K, params?: Params): LocalizedText => ({
    en: fill(messages.en[key], params, 'en'),
    id: fill(messages.id[key], params, 'id'),
  });
}

/** The same sentence in both languages, for text that needs no translation (a file name, a quoted value). */
export const untranslated = (text: string): LocalizedText => ({ en: text, id: text });

/** Pieces joined in each language, e.g. statuses with " or " / " atau ". */
export function joinText(pieces: readonly LocalizedText[], separator: LocalizedText | string): LocalizedText {
  const sep = typeof separator === 'string' ? untranslated(separator) : separator;
  return { en: pieces.map((p) => p.en).join(sep.en), id: pieces.map((p) => p.id).join(sep.id) };
}

/** The text in `language`; falls back to English for plain strings. */
export function inLanguage(text: LocalizedText | string, language: Language): string {
  return typeof text === 'string' ? text : text[language];
}

/** `{name}` placeholders filled from `params`; numbers written the language's way (8.394 in Indonesian). */
function fill(template: string, params: Params | undefined, language: Language): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value === 'number') return new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB').format(value);
    return typeof value === 'string' ? value : value[language];
  });
}

