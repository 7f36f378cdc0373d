import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorSentence, errorSentences } from './errors';

// Every code the node can send, as it declares them.
const declared = [...readFileSync(new URL('../../Protocol/Signaling/ErrorCodes.cs', import.meta.url), 'utf8')
  .matchAll(/=\s*"([a-z_]+)"/g)].map((m) => m[1]);

describe('error sentences', () => {
  it('say every code the node can send in both languages, in words', () => {
    expect(declared.length).toBeGreaterThan(50);
    const missing = declared.filter((code) => !errorSentences[code]?.en || !errorSentences[code]?.de);
    expect(missing).toEqual([]);
    for (const code of declared) {
      for (const language of ['en', 'de'] as const) {
        const sentence = errorSentence(code, language);
        if (code.includes('_')) expect(sentence).not.toContain(code);
        expect(sentence).toMatch(/[.!?]$/);
      }
    }
  });

  it('fall back to a sentence naming the code when a newer node sends one the app does not know', () => {
    expect(errorSentence('shiny_new_refusal', 'en')).toBe('The server refused that (shiny_new_refusal).');
    expect(errorSentence('shiny_new_refusal', 'de')).toBe('Der Server hat das abgelehnt (shiny_new_refusal).');
  });
});
