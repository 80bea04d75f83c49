/** `linjaus templates [--lang fi|sv|en]` — list the programme templates. */
import { getTemplate, templateIds } from '../../../core/templates/registry';
import { parse } from '../args';
import { language } from '../language';
import { EXIT, type Command } from '../io';

export const usage = 'linjaus templates [--lang fi|sv|en]';

export const run: Command = async (args, io) => {
  const { values } = parse(
    args,
    { lang: { type: 'string' } },
    { min: 0, max: 0, names: 'no arguments' },
  );
  const lang = language(values.lang);
  for (const id of templateIds()) {
    const t = getTemplate(id);
    io.stdout.write(`${id.padEnd(22)} ${t.name[lang]}\n${' '.repeat(23)}${t.description[lang]}\n`);
  }
  return EXIT.ok;
};
