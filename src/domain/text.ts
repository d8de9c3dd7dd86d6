/**
 * Sentences the core says to the user (error messages, notices on opening a project), in
 * both interface languages. The core cannot know which language the window shows, so it
 * sends both and the renderer (or the CLI) picks one.
 */
export type Language = 'en' | 'id';

export interface LocalizedText {
  readonly en: string;
  readonly id: string;
}

type Params = Readonly<Record<string, string | number>>;

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
    return typeof value === 'number' ? new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB').format(value) : value;
  });
}

