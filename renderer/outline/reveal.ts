/** Scroll the document to an item and put the keyboard focus on its first field. */
export function revealItem(id: string): void {
  const el = document.querySelector<HTMLElement>(`[data-item="${id}"]`);
  if (!el) return;
  el.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior });
  el.classList.remove('flash');
  void el.offsetWidth;
  el.classList.add('flash');
  const target = el.querySelector<HTMLElement>('input, [contenteditable="true"], [role="textbox"]');
  target?.focus({ preventScroll: true });
}
