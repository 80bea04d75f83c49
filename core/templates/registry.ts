/**
 * The templates that ship with Linjaus (data in templates/), validated when first read.
 */
import elinvoimaohjelma from '../../templates/elinvoimaohjelma.json';
import hankesuunnitelma from '../../templates/hankesuunnitelma.json';
import kuntastrategia from '../../templates/kuntastrategia.json';
import sijoittumisstrategia from '../../templates/sijoittumisstrategia.json';
import exampleElinvoima from '../../templates/examples/elinvoimaohjelma.json';
import exampleHanke from '../../templates/examples/hankesuunnitelma.json';
import exampleKunta from '../../templates/examples/kuntastrategia.json';
import exampleSijoittuminen from '../../templates/examples/sijoittumisstrategia.json';
import { Programme } from '../model/schema';
import { Template } from './schema';

const RAW: Record<string, { template: unknown; example: unknown }> = {
  elinvoimaohjelma: { template: elinvoimaohjelma, example: exampleElinvoima },
  hankesuunnitelma: { template: hankesuunnitelma, example: exampleHanke },
  sijoittumisstrategia: { template: sijoittumisstrategia, example: exampleSijoittuminen },
  kuntastrategia: { template: kuntastrategia, example: exampleKunta },
};

/** Thrown for a template id that Linjaus does not have. */
export class UnknownTemplateError extends Error {
  override readonly name = 'UnknownTemplateError';
  constructor(readonly templateId: string) {
    super(`Unknown template "${templateId}". Available: ${Object.keys(RAW).join(', ')}.`);
  }
}

const cache = new Map<string, Template>();

/** Ids of the bundled templates, in the order the start screen lists them. */
export const templateIds = (): string[] => Object.keys(RAW);

/** A bundled template by id; throws {@link UnknownTemplateError} for an unknown id. */
export function getTemplate(id: string): Template {
  const cached = cache.get(id);
  if (cached) return cached;
  const raw = Object.hasOwn(RAW, id) ? RAW[id] : undefined;
  if (!raw) throw new UnknownTemplateError(id);
  const template = Template.parse(raw.template);
  cache.set(id, template);
  return template;
}

/** True when a template with this id ships with Linjaus. */
export const hasTemplate = (id: string): boolean => Object.hasOwn(RAW, id);

/** The template's realistic example document (Finnish), as validated plain data. */
export function getExample(id: string): Programme {
  const raw = Object.hasOwn(RAW, id) ? RAW[id] : undefined;
  if (!raw) throw new UnknownTemplateError(id);
  return Programme.parse(raw.example);
}
