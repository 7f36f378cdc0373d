import { createContext, useContext } from 'react';
import { dictionaries, text, type Language, type TextKey } from './i18n';

export type Translate = (key: TextKey, values?: Record<string, string | number>) => string;

/**
 * The key to use for a count: `<key>_one` (or another plural category of the language, `_two`, `_few`…) when the
 * dictionary has it for `count`, else `<key>` itself, which holds the general ("other") form.
 */
export function pluralKey(language: Language, key: TextKey, count: unknown): TextKey {
  if (typeof count !== 'number') return key;
  const form = `${key}_${new Intl.PluralRules(language).select(count)}`;
  return form in dictionaries[language] ? (form as TextKey) : key;
}

/** A translator for a language; `{name}` placeholders are filled from `values`, and `{count}` picks the plural form. */
export function translator(language: Language): Translate {
  return (key, values) =>
    text(language, pluralKey(language, key, values?.count)).replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? `{${name}}`));
}

export const TextContext = createContext<Translate>(translator('en'));

export const useText = (): Translate => useContext(TextContext);
