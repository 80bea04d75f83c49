/** `linjaus new <template> <out.linjaus> [--title …] [--example] [--lang …] [--force]` */
import { programmeToDoc } from '../../../core/model/fromProgramme';
import { origin } from '../../../core/model/origins';
import { setMeta } from '../../../core/model/meta';
import { writeLinjausFile } from '../../../core/format/linjausFile';
import { createProgramme } from '../../../core/templates/create';
import { getExample, getTemplate } from '../../../core/templates/registry';
import { newDocumentId } from '../../../core/model/ids';
import { writeFileAtomic } from '../../files';
import { parse } from '../args';
import { language } from '../language';
import { assertWritable } from '../output';
import { EXIT, type Command } from '../io';

export const usage =
  'linjaus new <template> <out.linjaus> [--title <title>] [--example] [--lang fi|sv|en] [--force]';

export const run: Command = async (args, io) => {
  const { values, positionals } = parse(
    args,
    {
      title: { type: 'string' },
      example: { type: 'boolean' },
      lang: { type: 'string' },
      force: { type: 'boolean' },
    },
    { min: 2, max: 2, names: '<template> <out.linjaus>' },
  );
  const [templateId, out] = positionals as [string, string];
  const template = getTemplate(templateId);
  const lang = language(values.lang);
  await assertWritable(out, values.force);
  let doc;
  if (values.example) {
    // A new document id: every example copy is its own document, not a copy of a shared one.
    doc = programmeToDoc({ ...getExample(templateId), id: newDocumentId() }, origin('template'));
    if (values.title) setMeta(doc, { title: values.title }, { origin: origin('template') });
  } else {
    doc = createProgramme(template, { title: values.title, language: lang });
  }
  await writeFileAtomic(out, writeLinjausFile(doc));
  io.stderr.write(
    `Created ${out} from template ${templateId}${values.example ? ' (example)' : ''}.\n`,
  );
  io.stdout.write(`${out}\n`);
  return EXIT.ok;
};
