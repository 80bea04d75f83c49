/** `linjaus import <in.json> <out.linjaus> [--force]` */
import { writeLinjausFile } from '../../../core/format/linjausFile';
import { parseProgrammeJson } from '../../../core/format/restore';
import { programmeToDoc } from '../../../core/model/fromProgramme';
import { origin } from '../../../core/model/origins';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../files';
import { parse } from '../args';
import { assertWritable } from '../output';
import { EXIT, type Command } from '../io';

export const usage = 'linjaus import <in.json> <out.linjaus> [--force]';

export const run: Command = async (args, io) => {
  const { values, positionals } = parse(
    args,
    { force: { type: 'boolean' } },
    { min: 2, max: 2, names: '<in.json> <out.linjaus>' },
  );
  const [input, out] = positionals as [string, string];
  const programme = parseProgrammeJson(await readFile(input, 'utf8'), input);
  await assertWritable(out, values.force);
  await writeFileAtomic(out, writeLinjausFile(programmeToDoc(programme, origin('file'))));
  io.stderr.write(`Imported ${input} into ${out}.\n`);
  io.stdout.write(`${out}\n`);
  return EXIT.ok;
};
