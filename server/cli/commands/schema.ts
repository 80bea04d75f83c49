/** `linjaus schema [-o file]` — print or write the JSON Schema of the interchange format. */
import { programmeJsonSchema } from '../../../core/format/jsonSchema';
import { writeFileAtomic } from '../../files';
import { parse } from '../args';
import { assertWritable } from '../output';
import { EXIT, type Command } from '../io';

export const usage = 'linjaus schema [-o <programme.schema.json> [--force]]';

/** The schema file's text, as committed to templates/schema/programme.schema.json. */
export const schemaText = (): string => `${JSON.stringify(programmeJsonSchema(), null, 2)}\n`;

export const run: Command = async (args, io) => {
  const { values } = parse(
    args,
    { output: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
    { min: 0, max: 0, names: 'no arguments' },
  );
  if (values.output) {
    await assertWritable(values.output, values.force);
    await writeFileAtomic(values.output, schemaText());
    io.stdout.write(`${values.output}\n`);
  } else io.stdout.write(schemaText());
  return EXIT.ok;
};
