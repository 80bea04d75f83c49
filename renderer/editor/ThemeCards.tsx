/** Themes, goals and actions as cards, each subscribed only to its own item and children. */
import { memo, startTransition, useEffect, useState } from 'react';
import { addItem, type ItemId } from '../../core';
import { Icon } from '../app/Icon';
import { useI18n } from '../i18n/I18n';
import { useChildren, useItem, useReadOnly, useSession } from '../session/hooks';
import { ActionDetails } from './ActionDetails';
import { Field } from './Field';
import { BoundText } from './fields';
import { IndicatorTable } from './IndicatorTable';
import { ItemActions } from './ItemActions';
import { focusSoon, useLevelName, type Level } from './labels';

function AddButton({
  parent,
  kind,
  level,
}: {
  parent: ItemId;
  kind: 'theme' | 'goal' | 'action';
  level: Level;
}) {
  const session = useSession();
  const { t } = useI18n();
  const name = useLevelName();
  if (useReadOnly()) return null;
  return (
    <button
      type="button"
      className="btn btn-add"
      onClick={() => {
        const id = session.structural(() => addItem(session.doc, kind, parent));
        focusSoon(`[data-bound="${id}.title"]`);
      }}
    >
      <Icon name="plus" /> {t('addLevel', { level: name(level).toLocaleLowerCase() })}
    </button>
  );
}

/** The head of a theme, goal or action card: its number, its title and its item actions. */
function CardHead({
  id,
  kind,
  n,
  label,
}: {
  id: ItemId;
  kind: 'theme' | 'goal' | 'action';
  n: string;
  label: string;
}) {
  const { t } = useI18n();
  const name = useLevelName();
  return (
    <header className="card-head">
      <span className={kind === 'theme' ? 'card-num card-num-theme' : 'card-num'}>{n}</span>
      <BoundText
        id={id}
        kind={kind}
        field="title"
        label={`${name(kind)} ${n}`}
        hideLabel
        className="grow"
        inputClassName={`title-input title-${kind}`}
        placeholder={t('untitledItem', { level: name(kind).toLocaleLowerCase() })}
      />
      <ItemActions id={id} name={label} />
    </header>
  );
}

const ActionCard = memo(function ActionCard({ id, n }: { id: ItemId; n: string }) {
  const item = useItem(id, 'action');
  const { t } = useI18n();
  const name = useLevelName();
  const guidance = useSession().template.itemGuidance.action;
  const { lang } = useI18n();
  if (!item) return null;
  const label =
    item.fields.title || t('untitledItem', { level: name('action').toLocaleLowerCase() });
  return (
    <article
      className="card card-action"
      data-item={id}
      aria-label={`${name('action')} ${n}: ${label}`}
    >
      <CardHead id={id} kind="action" n={String(n)} label={label} />
      <Field
        id={id}
        field="description"
        label={`${t('description')}: ${label}`}
        placeholder={guidance[lang]}
        variant="compact"
      />
      <ActionDetails id={id} />
    </article>
  );
});

const GoalCard = memo(function GoalCard({ id, n }: { id: ItemId; n: string }) {
  const item = useItem(id, 'goal');
  const actions = useChildren(id, 'action');
  const { t, lang } = useI18n();
  const name = useLevelName();
  const guidance = useSession().template.itemGuidance.goal;
  if (!item) return null;
  const label = item.fields.title || t('untitledItem', { level: name('goal').toLocaleLowerCase() });
  return (
    <section
      className="card card-goal"
      data-item={id}
      aria-label={`${name('goal')} ${n}: ${label}`}
    >
      <CardHead id={id} kind="goal" n={String(n)} label={label} />
      <Field
        id={id}
        field="description"
        label={`${t('description')}: ${label}`}
        placeholder={guidance[lang]}
        variant="compact"
      />
      {actions.length > 0 && (
        <div className="card-list">
          <h4 className="list-heading">{name('action', true)}</h4>
          {actions.map((a, i) => (
            <ActionCard key={a} id={a} n={`${n}.${i + 1}`} />
          ))}
        </div>
      )}
      <IndicatorTable parent={id} compact />
      <div className="card-foot">
        <AddButton parent={id} kind="action" level="action" />
      </div>
    </section>
  );
});

export const ThemeCard = memo(function ThemeCard({ id, n }: { id: ItemId; n: number }) {
  const item = useItem(id, 'theme');
  const goals = useChildren(id, 'goal');
  const { t, lang } = useI18n();
  const name = useLevelName();
  const guidance = useSession().template.itemGuidance.theme;
  if (!item) return null;
  const label =
    item.fields.title || t('untitledItem', { level: name('theme').toLocaleLowerCase() });
  return (
    <section
      className="card card-theme"
      data-item={id}
      aria-label={`${name('theme')} ${n}: ${label}`}
    >
      <CardHead id={id} kind="theme" n={String(n)} label={label} />
      <Field
        id={id}
        field="description"
        label={`${t('description')}: ${label}`}
        placeholder={guidance[lang]}
      />
      <div className="card-list">
        {goals.map((g, i) => (
          <GoalCard key={g} id={g} n={`${n}.${i + 1}`} />
        ))}
      </div>
      <IndicatorTable parent={id} compact />
      <div className="card-foot">
        <AddButton parent={id} kind="goal" level="goal" />
      </div>
    </section>
  );
});

/** Themes shown in the first frame; the rest render in an interruptible transition right after. */
const FIRST_THEMES = 3;

export function ThemesList({ section }: { section: ItemId }) {
  const themes = useChildren(section, 'theme');
  const readOnly = useReadOnly();
  const { t } = useI18n();
  const [limit, setLimit] = useState(FIRST_THEMES);
  useEffect(() => {
    if (limit === Infinity) {
      requestAnimationFrame(() => performance.mark('linjaus:document-complete'));
      return;
    }
    startTransition(() => setLimit(Infinity));
  }, [limit]);
  return (
    <div className="themes">
      {themes.length === 0 && (
        <p className="empty-note">{t(readOnly ? 'emptyThemesReadOnly' : 'emptyThemes')}</p>
      )}
      {themes.slice(0, limit).map((id, i) => (
        <ThemeCard key={id} id={id} n={i + 1} />
      ))}
      <AddButton parent={section} kind="theme" level="theme" />
    </div>
  );
}
