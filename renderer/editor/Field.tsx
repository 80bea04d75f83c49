/** A labelled rich-text field of an item, keyed by its element's identity. */
import type { ItemId } from '../../core';
import { RichTextField } from '../richtext/RichTextField';
import { elementKey, useRichElement } from './useField';

export function Field({
  id,
  field,
  label,
  placeholder,
  variant,
}: {
  id: ItemId;
  field: 'body' | 'description';
  label: string;
  placeholder: string;
  variant?: 'body' | 'statement' | 'compact';
}) {
  const el = useRichElement(id, field);
  if (!el) return null;
  return (
    <RichTextField
      key={elementKey(el)}
      element={el}
      fieldId={`${id}-${field}`}
      label={label}
      placeholder={placeholder}
      variant={variant}
    />
  );
}
