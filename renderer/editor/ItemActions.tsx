/** Move up / move down / delete buttons of a card; each is one undo step. None when read-only. */
import { deleteItem, type ItemId } from '../../core';
import { moveWithinKind } from './moves';
import { Icon } from '../app/Icon';
import { useI18n } from '../i18n/I18n';
import { useReadOnly, useSession } from '../session/hooks';
import { useToast } from '../app/Toast';

export function ItemActions({ id, name }: { id: ItemId; name: string }) {
  const session = useSession();
  const { t } = useI18n();
  const toast = useToast();
  const readOnly = useReadOnly();
  const move = (delta: -1 | 1) => session.structural(() => moveWithinKind(session.doc, id, delta));
  const remove = () => {
    session.structural(() => deleteItem(session.doc, id));
    toast.show(t('deleted', { name }), { label: t('undo'), run: () => session.undo() });
  };
  if (readOnly) return null;
  return (
    <div className="item-actions">
      <button
        type="button"
        className="icon-btn"
        aria-label={`${t('moveUp')}: ${name}`}
        title={t('moveUp')}
        onClick={() => move(-1)}
      >
        <Icon name="up" />
      </button>
      <button
        type="button"
        className="icon-btn"
        aria-label={`${t('moveDown')}: ${name}`}
        title={t('moveDown')}
        onClick={() => move(1)}
      >
        <Icon name="down" />
      </button>
      <button
        type="button"
        className="icon-btn danger"
        aria-label={`${t('delete')}: ${name}`}
        title={t('delete')}
        onClick={remove}
      >
        <Icon name="trash" />
      </button>
    </div>
  );
}
