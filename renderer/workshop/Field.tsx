/** One labelled text input of the workshop forms, with its error (shown once the form was tried). */
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange'> {
  readonly label: string;
  readonly value: string;
  onChange(value: string): void;
  /** The message to show; null when the value is fine or the form has not been tried yet. */
  readonly error: string | null;
  /** Help below the input, linked as its description. */
  readonly help?: ReactNode;
  /** Extra class for the input (`ws-mono` …). */
  readonly inputClass?: string;
}

export function Field({ label, onChange, error, help, inputClass, ...input }: FieldProps) {
  const id = useId();
  const helpId = useId();
  return (
    <div className="ws-field">
      <label className="fld-label" htmlFor={id}>
        {label}
      </label>
      <input
        {...input}
        id={id}
        className={inputClass ? `input ${inputClass}` : 'input'}
        aria-invalid={error !== null}
        aria-describedby={help ? helpId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error !== null && (
        <span className="fld-error" role="alert">
          {error}
        </span>
      )}
      {help && (
        <span className="ws-help" id={helpId}>
          {help}
        </span>
      )}
    </div>
  );
}
