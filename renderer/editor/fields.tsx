/**
 * Form controls bound to one scalar field of an item. Text writes through on every keystroke
 * (each field is a last-writer-wins register); dates and numbers are validated as typed and
 * written only when valid, with the error shown next to the field. In a read-only document the
 * inputs are `readOnly`: still focusable, selectable and copyable, but not editable.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { ModelError, updateItem, type ItemId, type ItemKind, type ItemScalars } from '../../core';
import { parseLocaleNumber, useI18n } from '../i18n/I18n';
import { useItem, useReadOnly, useSession } from '../session/hooks';

type StringKeys<K extends ItemKind> = {
  [F in keyof ItemScalars<K>]: ItemScalars<K>[F] extends string ? F : never;
}[keyof ItemScalars<K>];

function useWrite<K extends ItemKind>(id: ItemId, kind: K) {
  const session = useSession();
  return (patch: Partial<ItemScalars<K>>): string | null => {
    if (session.isReadOnly()) return null;
    try {
      updateItem(session.doc, id, kind, patch);
      return null;
    } catch (error) {
      if (error instanceof ModelError) return error.message;
      throw error;
    }
  };
}

export function Labeled({
  label,
  error,
  children,
  id,
  className,
}: {
  label: string;
  error?: string | null;
  children: ReactNode;
  id: string;
  className?: string;
}) {
  return (
    <div className={`fld ${className ?? ''}`}>
      <label htmlFor={id} className="fld-label">
        {label}
      </label>
      {children}
      {error && (
        <span className="field-error" id={`${id}-err`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** A text input bound to a string field. */
export function BoundText<K extends ItemKind>({
  id,
  kind,
  field,
  label,
  className,
  inputClassName,
  placeholder,
  hideLabel,
}: {
  id: ItemId;
  kind: K;
  field: StringKeys<K>;
  label: string;
  className?: string;
  inputClassName?: string;
  placeholder?: string;
  hideLabel?: boolean;
}) {
  const item = useItem(id, kind);
  const write = useWrite(id, kind);
  const readOnly = useReadOnly();
  const inputId = useId();
  const value = item ? String(item.fields[field] ?? '') : '';
  const input = (
    <input
      id={inputId}
      className={`input ${inputClassName ?? ''}`}
      value={value}
      placeholder={placeholder}
      aria-label={hideLabel ? label : undefined}
      data-bound={`${id}.${String(field)}`}
      readOnly={readOnly}
      onChange={(e) => {
        if (!readOnly) write({ [field]: e.target.value } as Partial<ItemScalars<K>>);
      }}
    />
  );
  if (hideLabel) return <div className={className}>{input}</div>;
  return (
    <Labeled label={label} id={inputId} className={className}>
      {input}
    </Labeled>
  );
}

/** A draft-then-commit input for values that must parse (dates, numbers). */
export function ValidatedInput({
  value,
  label,
  hint,
  parse,
  commit,
  errorText,
  className,
  hideLabel,
  inputMode,
  align,
}: {
  value: string;
  label: string;
  hint?: string;
  parse: (s: string) => { ok: true; value: unknown } | { ok: false };
  commit: (v: unknown) => string | null;
  errorText: string;
  className?: string;
  hideLabel?: boolean;
  inputMode?: 'decimal' | 'numeric' | 'text';
  align?: 'end';
}) {
  const inputId = useId();
  const readOnly = useReadOnly();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (draft === null) setError(null);
  }, [value, draft]);
  useEffect(() => {
    if (readOnly) setDraft(null);
  }, [readOnly]);
  const onChange = (text: string) => {
    if (readOnly) return;
    setDraft(text);
    const parsed = parse(text);
    if (!parsed.ok) {
      setError(errorText);
      return;
    }
    const err = commit(parsed.value);
    setError(err ? errorText : null);
  };
  const input = (
    <input
      id={inputId}
      className={`input ${align === 'end' ? 'num' : ''}`}
      // A draft typed before the document became read-only is dropped: show what is stored.
      value={readOnly ? value : (draft ?? value)}
      readOnly={readOnly}
      inputMode={inputMode}
      placeholder={hint}
      title={hint}
      aria-label={hideLabel ? label : undefined}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${inputId}-err` : undefined}
      onChange={(e) => onChange(e.target.value)}
      onBlur={() => {
        if (!error) setDraft(null);
      }}
    />
  );
  if (hideLabel) {
    return (
      <div className={`fld-inline ${className ?? ''}`}>
        {input}
        {error && (
          <span className="field-error" id={`${inputId}-err`} role="alert">
            {error}
          </span>
        )}
      </div>
    );
  }
  return (
    <Labeled label={label} id={inputId} error={error} className={className}>
      {input}
    </Labeled>
  );
}

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Parse a partial date typed as 2026, 2026-05, 2026-05-31 or 31.5.2026. */
export function parsePartialDate(s: string): { ok: true; value: string | null } | { ok: false } {
  const text = s.trim();
  if (text === '') return { ok: true, value: null };
  const fi = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = fi ? `${fi[3]}-${fi[2]!.padStart(2, '0')}-${fi[1]!.padStart(2, '0')}` : text;
  return DATE.test(iso) ? { ok: true, value: iso } : { ok: false };
}

/** A partial-date field of an item. */
export function BoundDate<K extends ItemKind>({
  id,
  kind,
  field,
  label,
  className,
}: {
  id: ItemId;
  kind: K;
  field: keyof ItemScalars<K>;
  label: string;
  className?: string;
}) {
  const item = useItem(id, kind);
  const write = useWrite(id, kind);
  const { t } = useI18n();
  const value = item ? ((item.fields[field] as string | null) ?? '') : '';
  return (
    <ValidatedInput
      value={value}
      label={label}
      hint={t('dateHint')}
      className={className}
      parse={parsePartialDate}
      commit={(v) => write({ [field]: v } as Partial<ItemScalars<K>>)}
      errorText={t('invalidDate')}
    />
  );
}

/** A nullable number field of an item, typed in the UI locale. */
export function BoundNumber<K extends ItemKind>({
  id,
  kind,
  field,
  label,
  hideLabel,
  integerYear,
  className,
}: {
  id: ItemId;
  kind: K;
  field: keyof ItemScalars<K>;
  label: string;
  hideLabel?: boolean;
  integerYear?: boolean;
  className?: string;
}) {
  const item = useItem(id, kind);
  const write = useWrite(id, kind);
  const { t, formatNumber } = useI18n();
  const raw = item ? (item.fields[field] as number | null) : null;
  const value =
    raw === null || raw === undefined
      ? ''
      : integerYear
        ? String(raw)
        : formatNumber(raw, { maximumFractionDigits: 6, useGrouping: false });
  return (
    <ValidatedInput
      value={value}
      label={label}
      hideLabel={hideLabel}
      className={className}
      inputMode={integerYear ? 'numeric' : 'decimal'}
      align="end"
      parse={(s) => {
        if (s.trim() === '') return { ok: true, value: null };
        const n = parseLocaleNumber(s);
        if (n === null) return { ok: false };
        if (integerYear && !(Number.isInteger(n) && n >= 1900 && n <= 2200)) return { ok: false };
        return { ok: true, value: n };
      }}
      commit={(v) => write({ [field]: v } as Partial<ItemScalars<K>>)}
      errorText={integerYear ? t('invalidYear') : t('invalidNumber')}
    />
  );
}
