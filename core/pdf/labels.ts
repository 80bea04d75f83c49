/**
 * Every fixed text the PDF prints, in Finnish, Swedish and English. Level and section names come
 * from the template (`levelName`, `sectionTitle`); these are the rest.
 */
import type { ActionStatus, Language, ProgrammeStatus } from '../model/schema';

/** A sentence without its closing full stop (the alt text adds its own). */
const stop = (s: string): string => s.trim().replace(/[.!?]+$/, '');

interface PdfLabels {
  contents: string;
  page: (n: number, total: number) => string;
  status: Record<ProgrammeStatus, string>;
  actionStatus: Record<ActionStatus, string>;
  indicator: string;
  unit: string;
  baseline: string;
  target: string;
  source: string;
  responsible: string;
  schedule: string;
  statusHeader: string;
  cost: string;
  category: string;
  total: string;
  funders: string;
  funder: string;
  share: string;
  amount: string;
  budget: string;
  contacts: string;
  approval: string;
  name: string;
  role: string;
  email: string;
  phone: string;
  period: string;
  organisation: string;
  noContent: string;
  figureAlt: (vision: string, themes: { title: string; goals: string[] }[]) => string;
  logoAlt: (organisation: string) => string;
  coverImageAlt: string;
  notApproved: string;
}

const fi: PdfLabels = {
  contents: 'Sisällys',
  page: (n, total) => `Sivu ${n} / ${total}`,
  status: { draft: 'Luonnos', inReview: 'Käsittelyssä', approved: 'Hyväksytty' },
  actionStatus: {
    planned: 'Suunniteltu',
    ongoing: 'Käynnissä',
    done: 'Valmis',
    cancelled: 'Peruttu',
  },
  indicator: 'Mittari',
  unit: 'Yksikkö',
  baseline: 'Lähtötaso',
  target: 'Tavoite',
  source: 'Lähde',
  responsible: 'Vastuutaho',
  schedule: 'Aikataulu',
  statusHeader: 'Tila',
  cost: 'Kustannusarvio',
  category: 'Kustannuslaji',
  total: 'Yhteensä',
  funders: 'Rahoitus',
  funder: 'Rahoittaja',
  share: 'Osuus',
  amount: 'Summa',
  budget: 'Kustannusarvio',
  contacts: 'Yhteystiedot',
  approval: 'Hyväksyminen',
  name: 'Nimi',
  role: 'Tehtävä',
  email: 'Sähköposti',
  phone: 'Puhelin',
  period: 'Ajanjakso',
  organisation: 'Organisaatio',
  noContent: 'Ei sisältöä.',
  figureAlt: (vision, themes) =>
    `Kaavio ohjelman rakenteesta. Ylimpänä visio: ${stop(vision) || '(ei kirjoitettu)'}. ` +
    `Sen alla ${themes.length} kehittämisteemaa pilareina: ` +
    themes
      .map(
        (t, i) =>
          `${i + 1}) ${t.title}${t.goals.length ? ` – tavoitteet: ${t.goals.join('; ')}` : ''}`,
      )
      .join('. ') +
    '.',
  logoAlt: (org) => `${org} – logo`,
  coverImageAlt: 'Kansikuva',
  notApproved: 'Ei vielä hyväksytty.',
};

const sv: PdfLabels = {
  contents: 'Innehåll',
  page: (n, total) => `Sida ${n} / ${total}`,
  status: { draft: 'Utkast', inReview: 'Under behandling', approved: 'Godkänd' },
  actionStatus: { planned: 'Planerad', ongoing: 'Pågående', done: 'Klar', cancelled: 'Inställd' },
  indicator: 'Indikator',
  unit: 'Enhet',
  baseline: 'Utgångsläge',
  target: 'Mål',
  source: 'Källa',
  responsible: 'Ansvarig',
  schedule: 'Tidtabell',
  statusHeader: 'Status',
  cost: 'Kostnadsberäkning',
  category: 'Kostnadsslag',
  total: 'Totalt',
  funders: 'Finansiering',
  funder: 'Finansiär',
  share: 'Andel',
  amount: 'Belopp',
  budget: 'Kostnadsförslag',
  contacts: 'Kontaktuppgifter',
  approval: 'Godkännande',
  name: 'Namn',
  role: 'Uppgift',
  email: 'E-post',
  phone: 'Telefon',
  period: 'Period',
  organisation: 'Organisation',
  noContent: 'Inget innehåll.',
  figureAlt: (vision, themes) =>
    `Diagram över programmets struktur. Överst visionen: ${stop(vision) || '(inte skriven)'}. ` +
    `Under den ${themes.length} utvecklingsteman som pelare: ` +
    themes
      .map((t, i) => `${i + 1}) ${t.title}${t.goals.length ? ` – mål: ${t.goals.join('; ')}` : ''}`)
      .join('. ') +
    '.',
  logoAlt: (org) => `${org} – logotyp`,
  coverImageAlt: 'Pärmbild',
  notApproved: 'Ännu inte godkänd.',
};

const en: PdfLabels = {
  contents: 'Contents',
  page: (n, total) => `Page ${n} of ${total}`,
  status: { draft: 'Draft', inReview: 'In review', approved: 'Approved' },
  actionStatus: { planned: 'Planned', ongoing: 'Ongoing', done: 'Done', cancelled: 'Cancelled' },
  indicator: 'Indicator',
  unit: 'Unit',
  baseline: 'Baseline',
  target: 'Target',
  source: 'Source',
  responsible: 'Responsible',
  schedule: 'Schedule',
  statusHeader: 'Status',
  cost: 'Estimated cost',
  category: 'Cost category',
  total: 'Total',
  funders: 'Funding',
  funder: 'Funder',
  share: 'Share',
  amount: 'Amount',
  budget: 'Budget',
  contacts: 'Contacts',
  approval: 'Approval',
  name: 'Name',
  role: 'Role',
  email: 'Email',
  phone: 'Phone',
  period: 'Period',
  organisation: 'Organisation',
  noContent: 'No content.',
  figureAlt: (vision, themes) =>
    `Diagram of the programme structure. At the top, the vision: ${stop(vision) || '(not written)'}. ` +
    `Below it ${themes.length} development themes as pillars: ` +
    themes
      .map(
        (t, i) => `${i + 1}) ${t.title}${t.goals.length ? ` – goals: ${t.goals.join('; ')}` : ''}`,
      )
      .join('. ') +
    '.',
  logoAlt: (org) => `${org} – logo`,
  coverImageAlt: 'Cover image',
  notApproved: 'Not yet approved.',
};

const ALL: Record<Language, PdfLabels> = { fi, sv, en };

/** The fixed PDF texts in a document language. */
export const pdfLabels = (language: Language): PdfLabels => ALL[language];
export type { PdfLabels };
