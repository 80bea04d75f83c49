/** `linjaus export-json <in.linjaus> [-o out.json] [--force]` — JSON to stdout or a file. */
import { loadProgrammeFile, writeFileAtomic } from '../../files';
import { parse } from '../args';
import { assertWritable } from '../output';
import { EXIT, type Command } from '../io';

export const usage = 'linjaus export-json <in.linjaus> [-o <out.json>] [--force]';

export const run: Command = async (args, io) => {
  const { values, positionals } = parse(
    args,
    { output: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
    { min: 1, max: 1, names: '<in.linjaus>' },
  );
  const { programme } = await loadProgrammeFile(positionals[0] as string);
  const json = `${JSON.stringify(programme, null, 2)}\n`;
  if (values.output) {
    await assertWritable(values.output, values.force);
    await writeFileAtomic(values.output, json);
    io.stdout.write(`${values.output}\n`);
  } else io.stdout.write(json);
  return EXIT.ok;
};
