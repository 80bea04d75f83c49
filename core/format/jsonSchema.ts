/**
 * The published JSON Schema of the interchange format, generated from the same zod schema that
 * validates imports (`npm run linjaus -- schema` writes it to templates/schema/).
 */
import { z } from 'zod';
import { Programme } from '../model/schema';

/** The JSON Schema (draft 2020-12) of {@link Programme}. */
export function programmeJsonSchema(): Record<string, unknown> {
  return {
    $id: 'urn:linjaus:schema:programme:1',
    title: 'Linjaus programme',
    ...z.toJSONSchema(Programme, { target: 'draft-2020-12', io: 'input' }),
  };
}
