/**
 * Clean HTML pasted from Word, Google Docs or web pages down to what a Linjaus field holds:
 * paragraphs, headings (levels 2–3), lists, links, bold/italic/underline. Everything else —
 * styles, classes, images, tables, scripts, Word's fake list bullets — is dropped or flattened
 * before Lexical imports it.
 */

const DROP =
  'script,style,meta,link,title,img,svg,picture,video,audio,iframe,object,embed,canvas,form,input,button,select,textarea,noscript,template,head';

function rename(el: Element, tag: string): Element {
  const out = el.ownerDocument.createElement(tag);
  while (el.firstChild) out.append(el.firstChild);
  const href = el.getAttribute('href');
  if (tag === 'a' && href) out.setAttribute('href', href);
  el.replaceWith(out);
  return out;
}

function unwrap(el: Element): void {
  el.replaceWith(...Array.from(el.childNodes));
}

/** Inline CSS that carries meaning becomes tags, since styles are dropped. */
function styleToTags(el: HTMLElement): void {
  const style = el.getAttribute('style') ?? '';
  if (!style) return;
  const weight = /font-weight\s*:\s*(bold|[6-9]00)/i.test(style);
  const normalWeight = /font-weight\s*:\s*(normal|[1-4]00)/i.test(style);
  const italic = /font-style\s*:\s*italic/i.test(style);
  const underline = /text-decoration[^;]*underline/i.test(style);
  // Google Docs wraps everything in <b style="font-weight:normal">.
  if (el.tagName === 'B' && normalWeight) {
    unwrap(el);
    return;
  }
  let inner: Element = el;
  for (const [on, tag] of [
    [weight, 'b'],
    [italic, 'i'],
    [underline, 'u'],
  ] as const) {
    if (!on) continue;
    const wrap = el.ownerDocument.createElement(tag);
    while (inner.firstChild) wrap.append(inner.firstChild);
    inner.append(wrap);
    inner = wrap;
  }
}

/** Word exports list items as paragraphs with a hidden bullet span: rebuild real lists. */
function rebuildWordLists(body: HTMLElement): void {
  const isWordItem = (n: Element | null): n is HTMLElement =>
    !!n &&
    n.tagName === 'P' &&
    (/MsoListParagraph/i.test(n.className) ||
      /mso-list\s*:\s*l\d/i.test(n.getAttribute('style') ?? ''));
  for (const p of Array.from(body.querySelectorAll('p'))) {
    if (!isWordItem(p) || !p.isConnected) continue;
    const run: HTMLElement[] = [p];
    let next = p.nextElementSibling;
    while (isWordItem(next)) {
      run.push(next);
      next = next.nextElementSibling;
    }
    const marker = (el: HTMLElement) =>
      Array.from(el.querySelectorAll('span')).find((s) =>
        /mso-list\s*:\s*ignore/i.test(s.getAttribute('style') ?? ''),
      );
    const firstMarker = marker(p)?.textContent?.trim() ?? '';
    const list = body.ownerDocument.createElement(
      /^(\d+|[a-z])[.)]/i.test(firstMarker) ? 'ol' : 'ul',
    );
    p.before(list);
    for (const item of run) {
      marker(item)?.remove();
      const li = body.ownerDocument.createElement('li');
      while (item.firstChild) li.append(item.firstChild);
      li.innerHTML = li.innerHTML.replace(/^(\s|&nbsp;)+/, '');
      list.append(li);
      item.remove();
    }
  }
}

function flattenTables(body: HTMLElement): void {
  for (const table of Array.from(body.querySelectorAll('table'))) {
    const paragraphs = Array.from(table.querySelectorAll('tr')).map((tr) => {
      const p = body.ownerDocument.createElement('p');
      p.textContent = Array.from(tr.querySelectorAll('td,th'))
        .map((c) => c.textContent?.trim() ?? '')
        .filter(Boolean)
        .join(' – ');
      return p;
    });
    table.replaceWith(...paragraphs);
  }
}

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

/** Parse and clean pasted HTML; returns a document whose body Lexical can import. */
export function cleanPastedHtml(html: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const body = doc.body;
  body.querySelectorAll(DROP).forEach((el) => el.remove());
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((c) => c.parentNode?.removeChild(c));
  rebuildWordLists(body);
  flattenTables(body);
  for (const el of Array.from(body.querySelectorAll<HTMLElement>('*'))) {
    if (!el.isConnected) continue;
    styleToTags(el);
  }
  for (const el of Array.from(body.querySelectorAll('*'))) {
    if (!el.isConnected) continue;
    const tag = el.tagName;
    if (tag === 'H1') rename(el, 'h2');
    else if (tag === 'H4' || tag === 'H5' || tag === 'H6') rename(el, 'h3');
    else if (tag === 'STRONG') rename(el, 'b');
    else if (tag === 'EM') rename(el, 'i');
    else if (tag === 'A' && !SAFE_HREF.test(el.getAttribute('href') ?? '')) unwrap(el);
    else if (tag.includes(':'))
      unwrap(el); // Word's <o:p> and friends
    else if (
      tag === 'SPAN' ||
      tag === 'FONT' ||
      tag === 'CODE' ||
      tag === 'MARK' ||
      tag === 'SUB' ||
      tag === 'SUP' ||
      tag === 'S' ||
      tag === 'DEL'
    )
      unwrap(el);
  }
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const keep = el.tagName === 'A' ? el.getAttribute('href') : null;
    for (const attr of Array.from(el.attributes)) el.removeAttribute(attr.name);
    if (keep) el.setAttribute('href', keep);
  }
  return doc;
}
