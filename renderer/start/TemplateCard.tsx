/** A template on the start screen: name, description, its level names, create buttons. */
import { levelName, type Template } from '../../core';
import { useI18n } from '../i18n/I18n';

export function TemplateCard({
  template,
  busy,
  onCreate,
}: {
  template: Template;
  busy: boolean;
  onCreate: (withExample: boolean) => void;
}) {
  const { t, lang } = useI18n();
  const levels = (['theme', 'goal', 'action'] as const)
    .map((l) => levelName(template, l, lang))
    .join(' → ');
  const titleId = `tpl-${template.id}`;
  return (
    <article className="template-card" aria-labelledby={titleId} data-template={template.id}>
      <h3 id={titleId} className="template-name">
        {template.name[lang]}
      </h3>
      <p className="template-desc">{template.description[lang]}</p>
      <p className="template-levels">{levels}</p>
      <div className="template-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          onClick={() => onCreate(false)}
          aria-describedby={titleId}
        >
          {t('createDocument')}
        </button>
        <button
          type="button"
          className="btn btn-ghost"
          disabled={busy}
          onClick={() => onCreate(true)}
          aria-describedby={titleId}
        >
          {t('withExample')}
        </button>
      </div>
    </article>
  );
}
