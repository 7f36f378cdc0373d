// What a refusal from the node means, in words: every error code the node can send (src/Protocol/Signaling/ErrorCodes.cs,
// checked by a test) in English and German. Codes a newer node may add fall back to a general sentence.

import type { Language } from './i18n';

type Sentences = Record<string, { en: string; de: string }>;

export const errorSentences: Sentences = {
  abstain_disabled: { en: 'This vote has no abstain option.', de: 'Bei dieser Abstimmung gibt es keine Enthaltung.' },
  already_initialized: { en: 'That has already been set up.', de: 'Das ist bereits eingerichtet.' },
  already_joined: { en: 'You are already in this meeting (perhaps in another tab).', de: 'Sie sind bereits in diesem Meeting (vielleicht in einem anderen Tab).' },
  already_voted: { en: 'You have already voted.', de: 'Sie haben bereits abgestimmt.' },
  automod_already_running: { en: 'The talking stick is already being passed around.', de: 'Der Redestab geht bereits herum.' },
  automod_not_running: { en: 'The talking stick is not in use.', de: 'Der Redestab wird gerade nicht verwendet.' },
  banned: { en: 'You have been banned from this meeting.', de: 'Sie wurden aus diesem Meeting ausgeschlossen.' },
  binary_not_supported: { en: 'The app sent something the server cannot read. Reload the page.', de: 'Die App hat etwas gesendet, das der Server nicht lesen kann. Bitte laden Sie die Seite neu.' },
  breakout_already_running: { en: 'Breakout rooms are already open.', de: 'Gruppenräume sind bereits geöffnet.' },
  cannot_change_own_role: { en: 'You cannot change your own role.', de: 'Sie können Ihre eigene Rolle nicht ändern.' },
  cannot_target_room_owner: { en: 'That cannot be done to the meeting\'s owner.', de: 'Das ist bei der Person, der das Meeting gehört, nicht möglich.' },
  cannot_target_self: { en: 'You cannot do that to yourself.', de: 'Das können Sie nicht bei sich selbst tun.' },
  chat_disabled: { en: 'The chat is turned off in this meeting.', de: 'Der Chat ist in diesem Meeting ausgeschaltet.' },
  empty_message: { en: 'The message is empty.', de: 'Die Nachricht ist leer.' },
  force_muted: { en: 'A moderator has muted you: you can unmute once they allow it.', de: 'Die Moderation hat Sie stummgeschaltet. Sie können das Mikrofon wieder einschalten, sobald es erlaubt wird.' },
  guest_cannot_be_moderator: { en: 'Guests cannot become moderators.', de: 'Gäste können keine Moderation übernehmen.' },
  insufficient_permissions: { en: 'You are not allowed to do that.', de: 'Dazu sind Sie nicht berechtigt.' },
  invalid_breakout: { en: 'Those breakout rooms cannot be opened: check the rooms and who goes where.', de: 'Diese Gruppenräume lassen sich nicht öffnen. Bitte Räume und Zuteilung prüfen.' },
  invalid_choice: { en: 'That choice is not part of this poll.', de: 'Diese Antwort gehört nicht zu dieser Umfrage.' },
  invalid_display_name: { en: 'That name cannot be used: use 1 to 100 characters.', de: 'Dieser Name ist nicht möglich. Bitte 1 bis 100 Zeichen verwenden.' },
  invalid_duration: { en: 'That duration is not possible.', de: 'Diese Dauer ist nicht möglich.' },
  invalid_envelope: { en: 'The app sent something the server cannot read. Reload the page.', de: 'Die App hat etwas gesendet, das der Server nicht lesen kann. Bitte laden Sie die Seite neu.' },
  invalid_json: { en: 'The app sent something the server cannot read. Reload the page.', de: 'Die App hat etwas gesendet, das der Server nicht lesen kann. Bitte laden Sie die Seite neu.' },
  invalid_participant_selection: { en: 'Choose at least one person who is in the meeting.', de: 'Bitte mindestens eine Person wählen, die im Meeting ist.' },
  invalid_payload: { en: 'The server could not understand that request. Reload the page and try again.', de: 'Der Server hat die Anfrage nicht verstanden. Bitte laden Sie die Seite neu und versuchen Sie es erneut.' },
  invalid_phone_number: { en: 'That is not a phone number that can be called.', de: 'Diese Telefonnummer kann nicht angerufen werden.' },
  invalid_poll: { en: 'The poll needs a topic and at least two answers.', de: 'Die Umfrage braucht ein Thema und mindestens zwei Antworten.' },
  invalid_sdp: { en: 'Your browser\'s media offer was refused. Reload the page to try again.', de: 'Das Medienangebot Ihres Browsers wurde abgelehnt. Bitte laden Sie die Seite neu.' },
  invalid_streaming_id: { en: 'That live stream does not exist (any more).', de: 'Diesen Livestream gibt es nicht (mehr).' },
  invalid_token: { en: 'Your vote could not be confirmed. Try again.', de: 'Ihre Stimme konnte nicht bestätigt werden. Bitte erneut versuchen.' },
  media_unavailable: { en: 'Video is not available right now: the media server cannot be reached. It will come back by itself.', de: 'Video ist gerade nicht verfügbar: Der Medienserver ist nicht erreichbar. Es kommt von selbst zurück.' },
  meeting_unavailable: { en: 'The meeting could not save that just now (the server is restarting or its database is unreachable). Nothing changed: try again in a few seconds.', de: 'Das Meeting konnte das gerade nicht speichern (der Server startet neu oder seine Datenbank ist nicht erreichbar). Es hat sich nichts geändert. Bitte in ein paar Sekunden erneut versuchen.' },
  message_too_large: { en: 'That was too large to send.', de: 'Das war zu groß zum Senden.' },
  message_too_long: { en: 'The message is too long.', de: 'Die Nachricht ist zu lang.' },
  module_not_enabled: { en: 'That feature is not available in this meeting.', de: 'Diese Funktion ist in diesem Meeting nicht verfügbar.' },
  no_breakout_running: { en: 'No breakout rooms are open.', de: 'Es sind keine Gruppenräume geöffnet.' },
  no_eligible_speaker: { en: 'Nobody is there to take the talking stick.', de: 'Niemand ist da, um den Redestab zu übernehmen.' },
  no_poll_running: { en: 'No poll is running.', de: 'Es läuft keine Umfrage.' },
  no_recording_consent: { en: 'The recording needs your consent first.', de: 'Für die Aufnahme ist zuerst Ihre Zustimmung nötig.' },
  no_such_media_session: { en: 'That video is no longer there.', de: 'Dieses Video ist nicht mehr da.' },
  no_such_whisper_group: { en: 'That whisper group has ended.', de: 'Diese Flüstergruppe ist beendet.' },
  no_timer_running: { en: 'No timer is running.', de: 'Es läuft kein Timer.' },
  no_usable_codec: { en: 'Your browser offers no video format the server can use. Try a current Chrome, Firefox or Safari.', de: 'Ihr Browser bietet kein Videoformat an, das der Server nutzen kann. Bitte einen aktuellen Chrome, Firefox oder Safari verwenden.' },
  no_vote_running: { en: 'No vote is running.', de: 'Es läuft keine Abstimmung.' },
  not_accepted: { en: 'A moderator has not let you in yet.', de: 'Die Moderation hat Sie noch nicht hereingelassen.' },
  not_allowed_to_vote: { en: 'You are not one of the people who may vote in this vote.', de: 'Sie gehören nicht zu den Personen, die bei dieser Abstimmung stimmberechtigt sind.' },
  not_in_group: { en: 'You are not in that group.', de: 'Sie sind nicht in dieser Gruppe.' },
  not_in_waiting_room: { en: 'That person is no longer in the waiting room.', de: 'Diese Person ist nicht mehr im Warteraum.' },
  not_initialized: { en: 'That has not been set up yet.', de: 'Das ist noch nicht eingerichtet.' },
  not_invited: { en: 'You were not invited to that.', de: 'Dazu wurden Sie nicht eingeladen.' },
  not_joined: { en: 'You are not in the meeting (any more). Reload the page to come back.', de: 'Sie sind nicht (mehr) im Meeting. Laden Sie die Seite neu, um zurückzukommen.' },
  not_publishing: { en: 'That person is not sending video.', de: 'Diese Person sendet kein Video.' },
  not_subscribed: { en: 'That video was not being received.', de: 'Dieses Video wurde nicht empfangen.' },
  not_the_speaker: { en: 'Only the person holding the talking stick can pass it on.', de: 'Nur wer den Redestab hat, kann ihn weitergeben.' },
  only_guests_can_be_renamed: { en: 'Only guests can be renamed.', de: 'Nur Gäste können umbenannt werden.' },
  participant_limit_reached: { en: 'The meeting is full.', de: 'Das Meeting ist voll.' },
  permission_denied: { en: 'You are not allowed to do that.', de: 'Dazu sind Sie nicht berechtigt.' },
  poll_already_running: { en: 'A poll is already running: close it first.', de: 'Es läuft bereits eine Umfrage. Bitte zuerst beenden.' },
  raise_hands_disabled: { en: 'Raising hands is turned off in this meeting.', de: 'Handheben ist in diesem Meeting ausgeschaltet.' },
  rate_limit_exceeded: { en: 'That was too much at once. Wait a moment, then try again.', de: 'Das war zu viel auf einmal. Bitte kurz warten und erneut versuchen.' },
  ready_check_disabled: { en: 'This timer has no ready check.', de: 'Dieser Timer hat keine Bereitschaftsabfrage.' },
  recorder_not_requested: { en: 'No recording was asked for.', de: 'Es wurde keine Aufnahme angefordert.' },
  recorder_not_started: { en: 'The recording could not start: no recorder is available. Ask your administrator.', de: 'Die Aufnahme konnte nicht starten: Es ist kein Aufnahmedienst verfügbar. Bitte wenden Sie sich an die Administration.' },
  service_unavailable: { en: 'That service is not available right now. Try again later.', de: 'Dieser Dienst ist gerade nicht verfügbar. Bitte später erneut versuchen.' },
  storage_unavailable: { en: 'The meeting could not save that just now (the server is restarting or its database is unreachable). Nothing changed: try again in a few seconds.', de: 'Das Meeting konnte das gerade nicht speichern (der Server startet neu oder seine Datenbank ist nicht erreichbar). Es hat sich nichts geändert. Bitte in ein paar Sekunden erneut versuchen.' },
  target_not_found: { en: 'That person is no longer in the meeting.', de: 'Diese Person ist nicht mehr im Meeting.' },
  timer_already_running: { en: 'A timer is already running: stop it first.', de: 'Es läuft bereits ein Timer. Bitte zuerst anhalten.' },
  too_many_calls: { en: 'Too many phone calls are under way. Wait for one to end.', de: 'Es laufen zu viele Anrufe. Bitte warten, bis einer beendet ist.' },
  unknown_action: { en: 'The server does not know that action. Reload the page: the app may be out of date.', de: 'Der Server kennt diese Aktion nicht. Bitte laden Sie die Seite neu: Die App ist vielleicht veraltet.' },
  unknown_namespace: { en: 'The server does not know that feature. Reload the page: the app may be out of date.', de: 'Der Server kennt diese Funktion nicht. Bitte laden Sie die Seite neu: Die App ist vielleicht veraltet.' },
  vote_already_running: { en: 'A vote is already running: end it first.', de: 'Es läuft bereits eine Abstimmung. Bitte zuerst beenden.' },
};

const unknown = { en: 'The server refused that ({code}).', de: 'Der Server hat das abgelehnt ({code}).' };

/** The sentence for a refusal the node sent; never a bare code. */
export function errorSentence(code: string, language: Language): string {
  return errorSentences[code]?.[language] ?? unknown[language].replace('{code}', code);
}

/** The language the app shows (it sets the page's `lang`). */
export const pageLanguage = (): Language => (document.documentElement.lang === 'de' ? 'de' : 'en');
