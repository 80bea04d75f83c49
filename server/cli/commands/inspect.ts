/** `linjaus inspect <file> [--json]` — a summary of a programme file. */
import { stat } from 'node:fs/promises';
import { LINJAUS_FILE_VERSION } from '../../../core/format/manifest';
import type { Programme, Section } from '../../../core/model/schema';
import { getTemplate } from '../../../core/templates/registry';
import { sectionTitle } from '../../../core/templates/labels';
import { loadProgrammeFile } from '../../files';
import { parse } from '../args';
import { EXIT, type Command } from '../io';

export const usage = 'linjaus inspect <file.linjaus|file.json> [--json]';

interface Counts {
  sections: number;
  themes: number;
  goals: number;
  actions: number;
  indicators: number;
  budgetLines: number;
  scheduleEntries: number;
  contacts: number;
}

function count(programme: Programme): Counts {
  const c: Counts = {
    sections: programme.sections.length,
    themes: 0,
    goals: 0,
    actions: 0,
    indicators: 0,
    budgetLines: 0,
    scheduleEntries: 0,
    contacts: programme.contacts.length,
  };
  for (const s of programme.sections) {
    if (s.kind === 'themes') {
      for (const t of s.themes) {
        c.themes += 1;
        c.indicators += t.indicators.length;
        for (const g of t.goals) {
          c.goals += 1;
          c.actions += g.actions.length;
          c.indicators += g.indicators.length;
        }
      }
    } else if (s.kind === 'indicators') c.indicators += s.indicators.length;
    else if (s.kind === 'budget') c.budgetLines += s.lines.length;
    else if (s.kind === 'schedule') c.scheduleEntries += s.entries.length;
  }
  return c;
}

function sectionDetail(s: Section): string {
  switch (s.kind) {
    case 'themes':
      return `${s.themes.length} themes`;
    case 'indicators':
      return `${s.indicators.length} indicators`;
    case 'budget':
      return `${s.lines.length} budget lines, ${s.funders.length} funders`;
    case 'schedule':
      return `${s.entries.length} entries`;
    default:
      return s.body.length ? `${s.body.length} blocks` : 'empty';
  }
}

export const run: Command = async (args, io) => {
  const { values, positionals } = parse(
    args,
    { json: { type: 'boolean' } },
    { min: 1, max: 1, names: '<file>' },
  );
  const path = positionals[0] as string;
  const [{ programme, kind, assets }, info] = await Promise.all([
    loadProgrammeFile(path),
    stat(path),
  ]);
  const template = getTemplate(programme.meta.templateId);
  const lang = programme.meta.languages[0] ?? 'fi';
  const counts = count(programme);
  const summary = {
    file: path,
    kind,
    bytes: info.size,
    formatVersion: kind === 'linjaus' ? LINJAUS_FILE_VERSION : programme.formatVersion,
    documentId: programme.id,
    title: programme.meta.title,
    template: template.id,
    status: programme.meta.status,
    period: [programme.meta.periodStart, programme.meta.periodEnd],
    languages: programme.meta.languages,
    counts,
    assets: [...assets.keys()],
    sections: programme.sections.map((s) => ({
      id: s.id,
      kind: s.kind,
      title: sectionTitle(template, s, lang),
      detail: sectionDetail(s),
    })),
  };
  if (values.json) {
    io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return EXIT.ok;
  }
  const lines = [
    `Title:       ${summary.title || '(untitled)'}`,
    `Template:    ${template.id} (${template.name[lang]})`,
    `Document id: ${summary.documentId}`,
    `File:        ${kind === 'linjaus' ? '.linjaus' : 'JSON'}, format version ${summary.formatVersion}, ${summary.bytes} bytes`,
    `Status:      ${summary.status}${programme.meta.approval ? ` (${programme.meta.approval.body} ${programme.meta.approval.date ?? ''} ${programme.meta.approval.reference})` : ''}`,
    `Period:      ${summary.period.every((p) => p === null) ? '(not set)' : summary.period.map((p) => p ?? '?').join(' – ')}`,
    `Languages:   ${summary.languages.join(', ')}`,
    `Counts:      ${counts.themes} themes, ${counts.goals} goals, ${counts.actions} actions, ${counts.indicators} indicators, ${counts.budgetLines} budget lines, ${counts.contacts} contacts`,
    'Sections:',
    ...summary.sections.map(
      (s, i) => `  ${String(i + 1).padStart(2)}. ${s.title} [${s.kind}] — ${s.detail}`,
    ),
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
};
