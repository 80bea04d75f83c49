/**
 * Titles and level names in the document language, from a template.
 */
import type { Language } from '../model/schema';
import type { LevelName, Template } from './schema';

/** The title of a section: its own title if set, else the template's label. */
export function sectionTitle(
  template: Template,
  section: { key: string; title: string },
  language: Language,
): string {
  if (section.title.trim() !== '') return section.title;
  const fromTemplate = template.sections.find((s) => s.key === section.key);
  return fromTemplate ? fromTemplate.title[language] : section.key;
}

/** Guidance (placeholder) text for a section's empty field. */
export function sectionGuidance(template: Template, key: string, language: Language): string {
  return template.sections.find((s) => s.key === key)?.guidance[language] ?? '';
}

/** The name of a structural level, e.g. "Teema" / "Teemat". */
export function levelName(
  template: Template,
  level: keyof Template['levels'],
  language: Language,
  plural = false,
): string {
  const name: LevelName = template.levels[level];
  return (plural ? name.plural : name.singular)[language];
}
