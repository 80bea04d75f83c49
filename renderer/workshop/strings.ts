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
    'Yhdistä tämä asiakirja Linjaus-palvelimeen (linjaus serve). Osallistujat liittyvät linkillä, QR-koodilla tai koodilla ja muokkaavat samaa asiakirjaa yhtä aikaa.',
  serverAddress: 'Palvelimen osoite',
  hostToken: 'Muokkaajan tunniste (token)',
  guestToken: 'Osallistujien tunniste (valinnainen)',
  guestTokenHelp: 'Jos tyhjä, osallistujat käyttävät samaa tunnistetta kuin sinä.',
  yourName: 'Nimesi',
  labelName: 'nimi',
  mintHelp: 'Palvelimen ylläpitäjä luo tunnisteen komennolla:',
  start: 'Aloita työpaja',
  hostLocal: 'Järjestä tämän tietokoneen lähiverkossa',
  joinTitle: 'Liity työpajaan',
  joinIntro: 'Anna nimesi. Muut osallistujat näkevät sen ja värisi.',
  joinLinkOrCode: 'Liittymislinkki tai -koodi',
  join: 'Liity',
  joining: 'Liitytään…',
  joinBadLink: 'Tämä ei ole liittymislinkki eikä -koodi.',
  joinEmpty: 'Työpajan asiakirja on vielä tyhjä palvelimella. Pyydä järjestäjää avaamaan se.',
  joinWrongDoc: 'Palvelin antoi eri asiakirjan kuin linkki nimeää.',
  joinLink: 'Liittymislinkki',
  joinCode: 'Koodi',
  joinCodeHelp:
    'Avaa palvelimen osoite selaimessa, valitse ”Liity työpajaan” ja liitä koodi. (Lyhyt numerokoodi vaatii palvelimelta tuen, jota ei vielä ole.)',
  qrLabel: 'QR-koodi liittymislinkistä',
  copy: 'Kopioi',
  copied: 'Kopioitu',
  endWorkshop: 'Lopeta työpaja',
  endHelp: 'Lopettaminen katkaisee tämän selaimen yhteyden. Sulje muiden pääsy palvelimella:',
  leaveWorkshop: 'Poistu työpajasta',
  participants: 'Osallistujat',
  you: 'sinä',
  inSection: '{name}: {section}',
  noSection: 'ei vielä missään osiossa',
  revoke: 'Poista pääsy',
  revokeHelp:
    'Pääsyn poistaminen tehdään palvelimella. Se katkaisee kaikki tätä tunnistetta käyttävät yhteydet; anna siksi jokaiselle oma tunniste (--label nimi), jos haluat poistaa yksittäisiä osallistujia.',
  connOnline: 'Työpaja: yhteydessä',
  connConnecting: 'Työpaja: yhdistetään…',
  connOffline: 'Ei yhteyttä – muokkaus jatkuu',
  connDenied: 'Työpaja: pääsy evätty ({reason})',
  waiting: '{count} muutosta odottaa',
  waitingOne: '1 muutos odottaa',
  readOnly: 'Vain luku',
  'denied_invalid-token': 'tunniste ei kelpaa',
  'denied_invalid-document': 'asiakirjan tunnus ei kelpaa',
  denied_expired: 'tunniste on vanhentunut',
  denied_revoked: 'pääsy on poistettu',
  deniedOther: 'tuntematon syy',
  errorRequired: 'Pakollinen kenttä.',
  errorServer: 'Osoitteen pitää alkaa http:// tai https://',
  errorConnect: 'Palvelimeen ei saatu yhteyttä: {reason}',
  presenceIn: 'Paikalla: {names}',
} as const;

export type WorkshopKey = keyof typeof fi;

const sv: Record<WorkshopKey, string> = {
  workshop: 'Workshop',
  hostTitle: 'Ordna en workshop',
  hostIntro:
    'Anslut det här dokumentet till en Linjaus-server (linjaus serve). Deltagarna ansluter med en länk, QR-kod eller kod och redigerar samma dokument samtidigt.',
  serverAddress: 'Serverns adress',
  hostToken: 'Redigerarens nyckel (token)',
  guestToken: 'Deltagarnas nyckel (valfri)',
  guestTokenHelp: 'Om tom använder deltagarna samma nyckel som du.',
  yourName: 'Ditt namn',
  labelName: 'namn',
  mintHelp: 'Serverns administratör skapar en nyckel med kommandot:',
  start: 'Starta workshoppen',
  hostLocal: 'Ordna i den här datorns lokala nätverk',
  joinTitle: 'Anslut till en workshop',
  joinIntro: 'Ange ditt namn. De andra deltagarna ser det och din färg.',
  joinLinkOrCode: 'Anslutningslänk eller kod',
  join: 'Anslut',
  joining: 'Ansluter…',
  joinBadLink: 'Det här är varken en anslutningslänk eller en kod.',
  joinEmpty: 'Workshopens dokument är ännu tomt på servern. Be arrangören öppna det.',
  joinWrongDoc: 'Servern gav ett annat dokument än länken anger.',
  joinLink: 'Anslutningslänk',
  joinCode: 'Kod',
  joinCodeHelp:
    'Öppna serverns adress i en webbläsare, välj ”Anslut till en workshop” och klistra in koden. (En kort sifferkod kräver stöd av servern, som ännu saknas.)',
  qrLabel: 'QR-kod för anslutningslänken',
  copy: 'Kopiera',
  copied: 'Kopierad',
  endWorkshop: 'Avsluta workshoppen',
  endHelp: 'Att avsluta kopplar bort den här webbläsaren. Stäng de andras åtkomst på servern:',
  leaveWorkshop: 'Lämna workshoppen',
  participants: 'Deltagare',
  you: 'du',
  inSection: '{name}: {section}',
  noSection: 'ännu inte i något avsnitt',
  revoke: 'Återkalla åtkomst',
  revokeHelp:
    'Åtkomst återkallas på servern. Det kopplar bort alla anslutningar som använder nyckeln; ge därför var och en en egen nyckel (--label namn) om du vill kunna ta bort enskilda deltagare.',
  connOnline: 'Workshop: ansluten',
  connConnecting: 'Workshop: ansluter…',
  connOffline: 'Ingen anslutning – redigeringen fortsätter',
  connDenied: 'Workshop: åtkomst nekad ({reason})',
  waiting: '{count} ändringar väntar',
  waitingOne: '1 ändring väntar',
  readOnly: 'Endast läsning',
  'denied_invalid-token': 'nyckeln är ogiltig',
  'denied_invalid-document': 'dokumentets id är ogiltigt',
  denied_expired: 'nyckeln har gått ut',
  denied_revoked: 'åtkomsten har återkallats',
  deniedOther: 'okänd orsak',
  errorRequired: 'Obligatoriskt fält.',
  errorServer: 'Adressen ska börja med http:// eller https://',
  errorConnect: 'Kunde inte ansluta till servern: {reason}',
  presenceIn: 'Närvarande: {names}',
};

const en: Record<WorkshopKey, string> = {
  workshop: 'Workshop',
  hostTitle: 'Host a workshop',
  hostIntro:
    'Connect this document to a Linjaus server (linjaus serve). Participants join with a link, QR code or code and edit the same document at the same time.',
  serverAddress: 'Server address',
  hostToken: 'Editor token',
  guestToken: 'Participants’ token (optional)',
  guestTokenHelp: 'When empty, participants use the same token as you.',
  yourName: 'Your name',
  labelName: 'name',
  mintHelp: 'The server’s administrator mints a token with:',
  start: 'Start the workshop',
  hostLocal: 'Host on this computer’s local network',
  joinTitle: 'Join a workshop',
  joinIntro: 'Give your name. The other participants see it and your colour.',
  joinLinkOrCode: 'Join link or code',
  join: 'Join',
  joining: 'Joining…',
  joinBadLink: 'This is neither a join link nor a code.',
  joinEmpty: 'The workshop’s document is still empty on the server. Ask the host to open it.',
  joinWrongDoc: 'The server sent a different document than the link names.',
  joinLink: 'Join link',
  joinCode: 'Code',
  joinCodeHelp:
    'Open the server’s address in a browser, choose “Join a workshop” and paste the code. (A short numeric code needs server support that does not exist yet.)',
  qrLabel: 'QR code of the join link',
  copy: 'Copy',
  copied: 'Copied',
  endWorkshop: 'End workshop',
  endHelp: 'Ending disconnects this browser. Close everyone else’s access on the server:',
  leaveWorkshop: 'Leave the workshop',
  participants: 'Participants',
  you: 'you',
  inSection: '{name}: {section}',
  noSection: 'not in a section yet',
  revoke: 'Revoke access',
  revokeHelp:
    'Access is revoked on the server. It disconnects every connection using that token, so give each participant their own token (--label name) to be able to remove one person.',
  connOnline: 'Workshop: connected',
  connConnecting: 'Workshop: connecting…',
  connOffline: 'Offline – editing continues',
  connDenied: 'Workshop: access refused ({reason})',
  waiting: '{count} changes waiting',
  waitingOne: '1 change waiting',
  readOnly: 'Read only',
  'denied_invalid-token': 'the token is not valid',
  'denied_invalid-document': 'the document id is not valid',
  denied_expired: 'the token has expired',
  denied_revoked: 'access was revoked',
  deniedOther: 'unknown reason',
  errorRequired: 'Required.',
  errorServer: 'The address must start with http:// or https://',
  errorConnect: 'Could not connect to the server: {reason}',
  presenceIn: 'Present: {names}',
};

const DICTS = { fi, sv, en } as const;

export type WorkshopText = (key: WorkshopKey, vars?: Record<string, string | number>) => string;

/** `t()` for the workshop strings in the current interface language. */
export function useWorkshopText(): WorkshopText {
  const { lang } = useI18n();
  const dict: Record<WorkshopKey, string> = DICTS[lang];
  return (key, vars) => {
    const s = dict[key];
    return vars ? s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`)) : s;
  };
}

/** A refusal reason from the server as words. */
export function deniedText(t: WorkshopText, reason: string | null): string {
  const key = `denied_${reason ?? ''}`;
  return key in fi ? t(key as WorkshopKey) : t('deniedOther');
}
