/**
 * The workshop's interface strings in fi (default), sv and en. Kept beside the workshop code so
 * the shared dictionaries in renderer/i18n stay untouched; `useWorkshopText()` follows the app's
 * interface language.
 */
import { useI18n } from '../i18n/I18n';

const fi = {
  workshop: 'Työpaja',
  hostTitle: 'Järjestä työpaja',
  hostIntro:
    'Yhdistä tämä asiakirja Linjaus-palvelimeen (linjaus serve). Osallistujat liittyvät lyhyellä koodilla, linkillä tai QR-koodilla ja muokkaavat samaa asiakirjaa yhtä aikaa.',
  serverAddress: 'Palvelimen osoite',
  hostToken: 'Järjestäjän tunniste',
  yourName: 'Nimesi',
  labelName: 'nimi',
  mintHelp: 'Palvelimen ylläpitäjä luo järjestäjän tunnisteen komennolla:',
  start: 'Aloita työpaja',
  starting: 'Aloitetaan…',
  hostLocal: 'Järjestä tämän tietokoneen lähiverkossa',
  joinTitle: 'Liity työpajaan',
  joinIntro: 'Anna nimesi. Muut osallistujat näkevät sen ja värisi.',
  joinLinkOrCode: 'Koodi tai liittymislinkki',
  joinCodeHint: 'Esimerkiksi K7M4-QX2P',
  join: 'Liity',
  joining: 'Liitytään…',
  joinBadLink: 'Tämä ei ole liittymiskoodi eikä -linkki.',
  joinNeedsLink:
    'Anna koko liittymislinkki (http://…/#code=…): sovellus ei tiedä, millä palvelimella koodi on.',
  joinEmpty: 'Työpajan asiakirja on vielä tyhjä palvelimella. Pyydä järjestäjää avaamaan se.',
  joinWrongDoc: 'Palvelin antoi eri asiakirjan kuin linkki nimeää.',
  joinNoConnection:
    'Yhteyttä työpajaan ei saatu auki. Palvelin antoi pääsyn, mutta jatkuva yhteys (WebSocket) ei mennyt läpi: palvelin voi olla ruuhkautunut tai poissa, tai verkko (välityspalvelin) estää sen. Yritä hetken päästä uudelleen.',
  joinLink: 'Liittymislinkki',
  joinCode: 'Liittymiskoodi',
  joinCodeHelp:
    'Avaa {server}, valitse ”Liity työpajaan” ja kirjoita koodi – tai avaa linkki tai QR-koodi.',
  inviteFor: 'Kutsu',
  inviteEditors: 'Muokkaajat',
  inviteViewers: 'Katselijat (vain luku)',
  inviteExpires: 'Voimassa {time} asti',
  inviteCreating: 'Luodaan koodia…',
  retry: 'Yritä uudelleen',
  boundName: 'Nimesi työpajassa on ”{name}”: palvelin käyttää tunnisteesi nimeä.',
  qrLabel: 'QR-koodi liittymislinkistä',
  copy: 'Kopioi',
  copied: 'Kopioitu',
  endWorkshop: 'Lopeta työpaja',
  endConfirm:
    'Lopetetaanko työpaja kaikilta? Kaikkien yhteydet katkeavat ja koodit lakkaavat toimimasta. Asiakirja jää sinulle.',
  endConfirmYes: 'Lopeta kaikilta',
  leaveWorkshop: 'Poistu työpajasta',
  leaveWithoutEnding: 'Poistu lopettamatta',
  leaveWithoutEndingHelp:
    'Työpajaa ei voi lopettaa palvelimella: palvelin ei vastaa tai ei enää hyväksy järjestäjän tunnistetta. Voit poistua lopettamatta. Asiakirja jää tähän selaimeen, mutta koodit ja osallistujien pääsy voivat olla voimassa, kunnes ne vanhenevat tai ylläpitäjä poistaa ne.',
  cancel: 'Peruuta',
  participants: 'Osallistujat',
  you: 'sinä',
  inSection: '{name}: {section}',
  noSection: 'ei vielä missään osiossa',
  notConnected: 'ei yhteydessä',
  unnamedToken: 'Nimetön tunniste',
  role_editor: 'muokkaaja',
  role_commenter: 'kommentoija',
  role_viewer: 'katselija',
  roleHost: 'järjestäjä',
  revoke: 'Poista pääsy',
  revokeNamed: 'Poista pääsy: {name}',
  revokeConfirm: 'Poistetaanko osallistujan {name} pääsy? Yhteys katkeaa heti.',
  connOnline: 'Työpaja: yhteydessä',
  connConnecting: 'Työpaja: yhdistetään…',
  connOffline: 'Ei yhteyttä – muokkaus jatkuu',
  connDenied: 'Työpaja: pääsy evätty ({reason})',
  connEnded: 'Työpaja on päättynyt.',
  resynced: 'Kopiosi päivitettiin työpajan versioon.',
  waiting: '{count} muutosta odottaa',
  waitingOne: '1 muutos odottaa',
  'denied_invalid-token': 'tunniste ei kelpaa',
  'denied_invalid-document': 'asiakirjan tunnus ei kelpaa',
  denied_expired: 'tunniste on vanhentunut',
  denied_revoked: 'pääsy on poistettu',
  'denied_awareness-spoofing': 'nimen pitää olla sama kuin tunnisteen nimi',
  deniedOther: 'tuntematon syy',
  errorRequired: 'Pakollinen kenttä.',
  errorServer: 'Osoitteen pitää alkaa http:// tai https://',
  errorToken: 'Tunniste on muotoa lj1.… (kopioi se kokonaan).',
  errorConnect: 'Palvelimeen ei saatu yhteyttä: {reason}',
  action_invite: 'Koodin luominen epäonnistui',
  action_participants: 'Osallistujalistan haku epäonnistui',
  action_revoke: 'Pääsyn poistaminen epäonnistui',
  action_end: 'Työpajan lopettaminen epäonnistui',
  api_unreachable: 'Palvelimeen ei saatu yhteyttä. Tarkista osoite ja verkko.',
  api_unauthorized: 'Palvelin ei hyväksy tunnistetta (väärä, vanhentunut tai poistettu).',
  api_forbidden:
    'Tunniste ei ole tämän asiakirjan järjestäjän tunniste (luo se valitsimella --host).',
  'api_rate-limit': 'Liian monta yritystä. Odota {seconds} s ja yritä uudelleen.',
  'api_unknown-code':
    'Koodia ei tunneta: se on kirjoitettu väärin, vanhentunut tai työpaja on päättynyt.',
  api_name: 'Nimi ei kelpaa (1–60 merkkiä, ei ohjausmerkkejä).',
  api_self: 'Omaa pääsyäsi ei voi poistaa.',
  api_origin: 'Palvelin ei salli yhteyksiä tästä sovelluksesta (--allow-origin).',
  apiOther: 'Palvelin vastasi virheellä ({code}).',
  presenceIn: 'Paikalla: {names}',
} as const;

export type WorkshopKey = keyof typeof fi;

const sv: Record<WorkshopKey, string> = {
  workshop: 'Workshop',
  hostTitle: 'Ordna en workshop',
  hostIntro:
    'Anslut det här dokumentet till en Linjaus-server (linjaus serve). Deltagarna ansluter med en kort kod, en länk eller en QR-kod och redigerar samma dokument samtidigt.',
  serverAddress: 'Serverns adress',
  hostToken: 'Arrangörens nyckel',
  yourName: 'Ditt namn',
  labelName: 'namn',
  mintHelp: 'Serverns administratör skapar arrangörens nyckel med kommandot:',
  start: 'Starta workshoppen',
  starting: 'Startar…',
  hostLocal: 'Ordna i den här datorns lokala nätverk',
  joinTitle: 'Anslut till en workshop',
  joinIntro: 'Ange ditt namn. De andra deltagarna ser det och din färg.',
  joinLinkOrCode: 'Kod eller anslutningslänk',
  joinCodeHint: 'Till exempel K7M4-QX2P',
  join: 'Anslut',
  joining: 'Ansluter…',
  joinBadLink: 'Det här är varken en anslutningskod eller en länk.',
  joinNeedsLink:
    'Ange hela anslutningslänken (http://…/#code=…): appen vet inte vilken server koden hör till.',
  joinEmpty: 'Workshopens dokument är ännu tomt på servern. Be arrangören öppna det.',
  joinWrongDoc: 'Servern gav ett annat dokument än länken anger.',
  joinNoConnection:
    'Det gick inte att öppna anslutningen till workshoppen. Servern gav åtkomst, men den fortlöpande anslutningen (WebSocket) gick inte igenom: servern kan vara överbelastad eller borta, eller så blockerar nätverket (en proxy) den. Försök igen om en stund.',
  joinLink: 'Anslutningslänk',
  joinCode: 'Anslutningskod',
  joinCodeHelp:
    'Öppna {server}, välj ”Anslut till en workshop” och skriv koden – eller öppna länken eller QR-koden.',
  inviteFor: 'Inbjudan',
  inviteEditors: 'Redigerare',
  inviteViewers: 'Läsare (endast läsning)',
  inviteExpires: 'Giltig till {time}',
  inviteCreating: 'Skapar kod…',
  retry: 'Försök igen',
  boundName: 'Ditt namn i workshoppen är ”{name}”: servern använder namnet på din nyckel.',
  qrLabel: 'QR-kod för anslutningslänken',
  copy: 'Kopiera',
  copied: 'Kopierad',
  endWorkshop: 'Avsluta workshoppen',
  endConfirm:
    'Avsluta workshoppen för alla? Allas anslutningar bryts och koderna slutar fungera. Dokumentet blir kvar hos dig.',
  endConfirmYes: 'Avsluta för alla',
  leaveWorkshop: 'Lämna workshoppen',
  leaveWithoutEnding: 'Lämna utan att avsluta',
  leaveWithoutEndingHelp:
    'Workshoppen kan inte avslutas på servern: servern svarar inte eller godkänner inte längre arrangörens nyckel. Du kan lämna utan att avsluta. Dokumentet blir kvar i den här webbläsaren, men koderna och deltagarnas åtkomst kan gälla tills de går ut eller administratören återkallar dem.',
  cancel: 'Avbryt',
  participants: 'Deltagare',
  you: 'du',
  inSection: '{name}: {section}',
  noSection: 'ännu inte i något avsnitt',
  notConnected: 'inte ansluten',
  unnamedToken: 'Namnlös nyckel',
  role_editor: 'redigerare',
  role_commenter: 'kommentator',
  role_viewer: 'läsare',
  roleHost: 'arrangör',
  revoke: 'Återkalla åtkomst',
  revokeNamed: 'Återkalla åtkomst: {name}',
  revokeConfirm: 'Återkalla åtkomsten för {name}? Anslutningen bryts genast.',
  connOnline: 'Workshop: ansluten',
  connConnecting: 'Workshop: ansluter…',
  connOffline: 'Ingen anslutning – redigeringen fortsätter',
  connDenied: 'Workshop: åtkomst nekad ({reason})',
  connEnded: 'Workshopen har avslutats.',
  resynced: 'Din kopia uppdaterades till workshopens version.',
  waiting: '{count} ändringar väntar',
  waitingOne: '1 ändring väntar',
  'denied_invalid-token': 'nyckeln är ogiltig',
  'denied_invalid-document': 'dokumentets id är ogiltigt',
  denied_expired: 'nyckeln har gått ut',
  denied_revoked: 'åtkomsten har återkallats',
  'denied_awareness-spoofing': 'namnet måste vara detsamma som nyckelns namn',
  deniedOther: 'okänd orsak',
  errorRequired: 'Obligatoriskt fält.',
  errorServer: 'Adressen ska börja med http:// eller https://',
  errorToken: 'Nyckeln har formen lj1.… (kopiera hela).',
  errorConnect: 'Kunde inte ansluta till servern: {reason}',
  action_invite: 'Koden kunde inte skapas',
  action_participants: 'Deltagarlistan kunde inte hämtas',
  action_revoke: 'Åtkomsten kunde inte återkallas',
  action_end: 'Workshoppen kunde inte avslutas',
  api_unreachable: 'Kunde inte nå servern. Kontrollera adressen och nätverket.',
  api_unauthorized: 'Servern godkänner inte nyckeln (fel, utgången eller återkallad).',
  api_forbidden: 'Nyckeln är inte arrangörsnyckeln för det här dokumentet (skapa den med --host).',
  'api_rate-limit': 'För många försök. Vänta {seconds} s och försök igen.',
  'api_unknown-code': 'Koden är okänd: felskriven, utgången eller så har workshoppen avslutats.',
  api_name: 'Namnet duger inte (1–60 tecken, inga styrtecken).',
  api_self: 'Du kan inte återkalla din egen åtkomst.',
  api_origin: 'Servern tillåter inte anslutningar från den här appen (--allow-origin).',
  apiOther: 'Servern svarade med ett fel ({code}).',
  presenceIn: 'Närvarande: {names}',
};

const en: Record<WorkshopKey, string> = {
  workshop: 'Workshop',
  hostTitle: 'Host a workshop',
  hostIntro:
    'Connect this document to a Linjaus server (linjaus serve). Participants join with a short code, a link or a QR code and edit the same document at the same time.',
  serverAddress: 'Server address',
  hostToken: 'Host token',
  yourName: 'Your name',
  labelName: 'name',
  mintHelp: 'The server’s administrator mints the host token with:',
  start: 'Start the workshop',
  starting: 'Starting…',
  hostLocal: 'Host on this computer’s local network',
  joinTitle: 'Join a workshop',
  joinIntro: 'Give your name. The other participants see it and your colour.',
  joinLinkOrCode: 'Code or join link',
  joinCodeHint: 'For example K7M4-QX2P',
  join: 'Join',
  joining: 'Joining…',
  joinBadLink: 'This is neither a join code nor a link.',
  joinNeedsLink:
    'Give the whole join link (http://…/#code=…): the app does not know which server the code belongs to.',
  joinEmpty: 'The workshop’s document is still empty on the server. Ask the host to open it.',
  joinWrongDoc: 'The server sent a different document than the link names.',
  joinNoConnection:
    'Could not open the connection to the workshop. The server let you in, but the live connection (WebSocket) did not get through: the server may be busy or gone, or the network (a proxy) blocks it. Try again in a moment.',
  joinLink: 'Join link',
  joinCode: 'Join code',
  joinCodeHelp:
    'Open {server}, choose “Join a workshop” and type the code – or open the link or the QR code.',
  inviteFor: 'Invite',
  inviteEditors: 'Editors',
  inviteViewers: 'Viewers (read only)',
  inviteExpires: 'Valid until {time}',
  inviteCreating: 'Creating a code…',
  retry: 'Try again',
  boundName: 'Your name in the workshop is “{name}”: the server uses your token’s name.',
  qrLabel: 'QR code of the join link',
  copy: 'Copy',
  copied: 'Copied',
  endWorkshop: 'End workshop',
  endConfirm:
    'End the workshop for everyone? Everyone is disconnected and the codes stop working. You keep the document.',
  endConfirmYes: 'End for everyone',
  leaveWorkshop: 'Leave the workshop',
  leaveWithoutEnding: 'Leave without ending',
  leaveWithoutEndingHelp:
    'The workshop cannot be ended on the server: the server does not answer or no longer accepts the host token. You can leave without ending. The document stays in this browser, but the codes and the participants’ access may stay valid until they expire or the administrator revokes them.',
  cancel: 'Cancel',
  participants: 'Participants',
  you: 'you',
  inSection: '{name}: {section}',
  noSection: 'not in a section yet',
  notConnected: 'not connected',
  unnamedToken: 'Unnamed token',
  role_editor: 'editor',
  role_commenter: 'commenter',
  role_viewer: 'viewer',
  roleHost: 'host',
  revoke: 'Remove access',
  revokeNamed: 'Remove access: {name}',
  revokeConfirm: 'Remove {name}’s access? They are disconnected at once.',
  connOnline: 'Workshop: connected',
  connConnecting: 'Workshop: connecting…',
  connOffline: 'Offline – editing continues',
  connDenied: 'Workshop: access refused ({reason})',
  connEnded: 'The workshop has ended.',
  resynced: 'Your copy was refreshed from the workshop.',
  waiting: '{count} changes waiting',
  waitingOne: '1 change waiting',
  'denied_invalid-token': 'the token is not valid',
  'denied_invalid-document': 'the document id is not valid',
  denied_expired: 'the token has expired',
  denied_revoked: 'access was removed',
  'denied_awareness-spoofing': 'the name must be the token’s name',
  deniedOther: 'unknown reason',
  errorRequired: 'Required.',
  errorServer: 'The address must start with http:// or https://',
  errorToken: 'A token looks like lj1.… (copy all of it).',
  errorConnect: 'Could not connect to the server: {reason}',
  action_invite: 'Could not create the code',
  action_participants: 'Could not fetch the participant list',
  action_revoke: 'Could not remove access',
  action_end: 'Could not end the workshop',
  api_unreachable: 'The server could not be reached. Check the address and the network.',
  api_unauthorized: 'The server does not accept the token (wrong, expired or revoked).',
  api_forbidden: 'The token is not this document’s host token (mint it with --host).',
  'api_rate-limit': 'Too many attempts. Wait {seconds} s and try again.',
  'api_unknown-code': 'Unknown code: mistyped, expired, or the workshop has ended.',
  api_name: 'The name is not accepted (1–60 characters, no control characters).',
  api_self: 'You cannot remove your own access.',
  api_origin: 'The server does not allow connections from this app (--allow-origin).',
  apiOther: 'The server answered with an error ({code}).',
  presenceIn: 'Present: {names}',
};

const DICTS = { fi, sv, en } as const;

export type WorkshopText = (key: WorkshopKey, vars?: Record<string, string | number>) => string;

/** `t()` for the workshop strings in `lang`. */
export function workshopText(lang: keyof typeof DICTS): WorkshopText {
  const dict: Record<WorkshopKey, string> = DICTS[lang];
  return (key, vars) => {
    const s = dict[key];
    return vars ? s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`)) : s;
  };
}

/** `t()` for the workshop strings in the current interface language. */
export function useWorkshopText(): WorkshopText {
  return workshopText(useI18n().lang);
}

/** A refusal reason from the server as words. */
export function deniedText(t: WorkshopText, reason: string | null): string {
  const key = `denied_${reason ?? ''}`;
  return key in fi ? t(key as WorkshopKey) : t('deniedOther');
}

/**
 * The sentence for a connection the server shut out: the host's end of the workshop is told
 * apart from a participant's removed access.
 */
export function deniedStatusText(t: WorkshopText, reason: string | null): string {
  return reason === 'ended' ? t('connEnded') : t('connDenied', { reason: deniedText(t, reason) });
}

/** A workshop API error code (and wait time) as a sentence. */
export function apiErrorText(
  t: WorkshopText,
  code: string,
  retryAfterSeconds: number | null = null,
): string {
  const key = `api_${code}`;
  if (!(key in fi)) return t('apiOther', { code: code.slice(0, 40) });
  return t(key as WorkshopKey, { seconds: retryAfterSeconds ?? 60 });
}
