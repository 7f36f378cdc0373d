/** The app's words in English and German; every key exists in both (checked by a test). */
export const dictionaries = {
  en: {
    appName: 'OpenTalk',
    signIn: 'Sign in',
    signOut: 'Sign out',
    meetings: 'Your meetings',
    noMeetings: 'No meetings yet.',
    newMeeting: 'New meeting',
    title: 'Title',
    starts: 'Starts',
    ends: 'Ends',
    create: 'Create',
    anyTime: 'Any time',
    next: 'Next',
    loading: 'Loading…',
    language: 'Language',
    failed: 'Something went wrong',
  },
  de: {
    appName: 'OpenTalk',
    signIn: 'Anmelden',
    signOut: 'Abmelden',
    meetings: 'Ihre Besprechungen',
    noMeetings: 'Noch keine Besprechungen.',
    newMeeting: 'Neue Besprechung',
    title: 'Titel',
    starts: 'Beginn',
    ends: 'Ende',
    create: 'Anlegen',
    anyTime: 'Jederzeit',
    next: 'Nächster Termin',
    loading: 'Wird geladen…',
    language: 'Sprache',
    failed: 'Etwas ist schiefgegangen',
  },
} as const;

export type Language = keyof typeof dictionaries;
export type TextKey = keyof (typeof dictionaries)['en'];

export function text(language: Language, key: TextKey): string {
  return dictionaries[language][key];
}

/** German for any German browser language, English otherwise. */
export function pickLanguage(preferred: readonly string[]): Language {
  return preferred.some((l) => l.toLowerCase().startsWith('de')) ? 'de' : 'en';
}
