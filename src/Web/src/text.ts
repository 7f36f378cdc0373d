import { createContext, useContext } from 'react';
import { text, type Language, type TextKey } from './i18n';

export type Translate = (key: TextKey, values?: Record<string, string | number>) => string;

/** A translator for a language; `{name}` placeholders are filled from `values`. */
export function translator(language: Language): Translate {
  return (key, values) => text(language, key).replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? `{${name}}`));
}

export const TextContext = createContext<Translate>(translator('en'));

export const useText = (): Translate => useContext(TextContext);
