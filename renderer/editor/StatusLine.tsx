/** The status line: the truthful save state and the document's word count. */
import { useI18n } from '../i18n/I18n';
import { useNetworkState, useReadOnly, useSaveState } from '../session/hooks';
import { useTotalWords } from './useWordCount';
import { WorkshopStatus } from '../workshop';

export function StatusLine() {
  const state = useSaveState();
  const words = useTotalWords();
  const network = useNetworkState();
  const readOnly = useReadOnly();
  const { t, formatNumber } = useI18n();
  const label = {
    saved: t('statusSaved'),
    saving: t('statusSaving'),
    unsaved: t('statusUnsaved'),
    offline: t('statusOffline'),
  }[state];
  return (
    <footer className="statusline">
      <span
        className={`save-state save-${state}`}
        role="status"
        aria-live="polite"
        data-save-state={state}
      >
        <span className="dot" aria-hidden="true" />
        {label}
      </span>
      {network === 'offline' && (
        <span className="save-state save-offline" data-network="offline">
          <span className="dot" aria-hidden="true" />
          {t('statusOffline')}
        </span>
      )}
      {readOnly && (
        <span className="save-state save-readonly" data-readonly-status>
          <span className="dot" aria-hidden="true" />
          {t('readOnlyStatus')}
        </span>
      )}
      <WorkshopStatus />
      <span className="status-words">{t('words', { count: formatNumber(words) })}</span>
    </footer>
  );
}
