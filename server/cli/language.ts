import { Language } from '../../core/model/schema';
import { UsageError } from './io';

/** The `--lang` option: fi (default), sv or en. */
export function language(value: string | undefined): Language {
  if (value === undefined) return 'fi';
  const parsed = Language.safeParse(value);
  if (!parsed.success) throw new UsageError(`--lang must be fi, sv or en, not "${value}"`);
  return parsed.data;
}
