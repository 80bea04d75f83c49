/**
 * Document settings: title, period, organisations, language, stage, approval record, contacts.
 * In a read-only document the text inputs are `readOnly` and the choices disabled.
 */
import { useId } from 'react';
import { LANGUAGES, ModelError, ProgrammeStatus, setMeta, type Meta } from '../../core';
import { Icon } from '../app/Icon';
import { useI18n } from '../i18n/I18n';
import { useMeta, useReadOnly, useSession } from '../session/hooks';
import { parsePartialDate, ValidatedInput } from '../editor/fields';
import { ContactsList } from '../editor/ScheduleAndContacts';

function useSetMeta() {
  const session = useSession();
  return (patch: Partial<Meta>): string | null => {
    if (session.isReadOnly()) return null;
    try {
      setMeta(session.doc, patch);
      return null;
    } catch (e) {
      if (e instanceof ModelError) return e.message;
      throw e;
    }
  };
}

function TextRow({
  label,
  value,
  onChange,
  multiline,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  multiline?: boolean;
}) {
  const id = useId();
  const readOnly = useReadOnly();
  return (
    <div className="fld">
      <label className="fld-label" htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        <textarea
          id={id}
          className="input"
          rows={3}
          value={value}
          readOnly={readOnly}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          id={id}
          className="input"
          value={value}
          readOnly={readOnly}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </div>
  );
}

export function SettingsPanel({ onClose }: { onClose: () => void }) {
  const meta = useMeta();
  const set = useSetMeta();
  const readOnly = useReadOnly();
  const { t } = useI18n();
  const langId = useId();
  const statusId = useId();
  const approval = meta.approval ?? { body: '', date: null, reference: '' };
  return (
    <aside className="side-panel" aria-labelledby="settings-title">
      <header className="side-head">
        <h2 id="settings-title" className="pane-title">
          {t('settings')}
        </h2>
        <button type="button" className="icon-btn" aria-label={t('close')} onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>
      <div className="side-body">
        <TextRow label={t('docTitle')} value={meta.title} onChange={(title) => set({ title })} />
        <TextRow
          label={t('subtitle')}
          value={meta.subtitle}
          onChange={(subtitle) => set({ subtitle })}
        />
        <TextRow
          label={t('organisations')}
          multiline
          value={meta.organisations.join('\n')}
          onChange={(v) => set({ organisations: v.split('\n').slice(0, 100) })}
        />
        <div className="fld-pair">
          <ValidatedInput
            value={meta.periodStart ?? ''}
            label={t('periodStart')}
            hint={t('dateHint')}
            parse={parsePartialDate}
            commit={(v) => set({ periodStart: v as string | null })}
            errorText={t('invalidDate')}
          />
          <ValidatedInput
            value={meta.periodEnd ?? ''}
            label={t('periodEnd')}
            hint={t('dateHint')}
            parse={parsePartialDate}
            commit={(v) => set({ periodEnd: v as string | null })}
            errorText={t('invalidDate')}
          />
        </div>
        <div className="fld-pair">
          <div className="fld">
            <label className="fld-label" htmlFor={langId}>
              {t('docLanguage')}
            </label>
            <select
              id={langId}
              className="input"
              value={meta.languages[0] ?? 'fi'}
              disabled={readOnly}
              onChange={(e) => {
                const first = LANGUAGES.find((l) => l === e.target.value) ?? 'fi';
                set({ languages: [first, ...meta.languages.filter((l) => l !== first)] });
              }}
            >
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`langName_${l}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="fld">
            <label className="fld-label" htmlFor={statusId}>
              {t('docStatus')}
            </label>
            <select
              id={statusId}
              className="input"
              value={meta.status}
              disabled={readOnly}
              onChange={(e) => set({ status: ProgrammeStatus.parse(e.target.value) })}
            >
              {ProgrammeStatus.options.map((s) => (
                <option key={s} value={s}>
                  {t(`docStatus_${s}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset className="fieldset">
          <legend>{t('approval')}</legend>
          <TextRow
            label={t('approvalBody')}
            value={approval.body}
            onChange={(body) => set({ approval: { ...approval, body } })}
          />
          <div className="fld-pair">
            <ValidatedInput
              value={approval.date ?? ''}
              label={t('approvalDate')}
              hint={t('dateHint')}
              parse={parsePartialDate}
              commit={(v) => set({ approval: { ...approval, date: v as string | null } })}
              errorText={t('invalidDate')}
            />
            <TextRow
              label={t('approvalReference')}
              value={approval.reference}
              onChange={(reference) => set({ approval: { ...approval, reference } })}
            />
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('contacts')}</legend>
          <ContactsList />
        </fieldset>
      </div>
    </aside>
  );
}
