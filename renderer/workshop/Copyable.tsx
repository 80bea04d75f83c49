/** A read-only value with a copy button (join link, code, admin command). */
import { useId, useState } from 'react';
import { useWorkshopText } from './strings';

export function Copyable({ label, value, kind }: { label: string; value: string; kind: string }) {
  const t = useWorkshopText();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = () =>
    void navigator.clipboard?.writeText(value).then(
      () => setCopied(true),
      () => undefined,
    );
  return (
    <div className="ws-copy">
      <label className="fld-label" htmlFor={id}>
        {label}
      </label>
      <div className="ws-copy-row">
        <input
          id={id}
          className="input ws-copy-value"
          readOnly
          value={value}
          data-ws={kind}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="btn btn-small" onClick={copy}>
          {copied ? t('copied') : t('copy')}
        </button>
      </div>
    </div>
  );
}
