/** One item of a list as HTML, with a key that stays the same while it is the same item. */
export interface KeyedHtml {
  key: string;
  html: string;
}

const drawn = new WeakMap<Element, string>();

/**
 * Makes `list` show `items`, replacing only the items whose HTML changed: a live update leaves
 * the rest of the page alone (a menu being opened, a screenshot being taken, the scroll position).
 */
export function patchList(list: HTMLElement, items: KeyedHtml[], emptyHtml: string): void {
  if (items.length === 0) {
    if (list.innerHTML !== emptyHtml) list.innerHTML = emptyHtml;
    return;
  }
  const existing = new Map<string, Element>();
  for (const child of [...list.children]) {
    const key = child.getAttribute('data-key');
    if (key && drawn.has(child) && !existing.has(key)) existing.set(key, child);
    else child.remove();
  }
  const wanted = items.flatMap((item) => {
    const kept = existing.get(item.key);
    existing.delete(item.key);
    if (kept && drawn.get(kept) === item.html) return [kept];
    const template = document.createElement('template');
    template.innerHTML = item.html.trim();
    const fresh = template.content.firstElementChild;
    if (!fresh) return [];
    drawn.set(fresh, item.html);
    kept?.remove();
    return [fresh];
  });
  for (const stale of existing.values()) stale.remove();
  wanted.forEach((node, index) => {
    const current = list.children[index] ?? null;
    if (current !== node) list.insertBefore(node, current);
  });
}
