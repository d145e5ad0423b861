/**
 * DOM helpers that never parse HTML: text goes through textContent and attributes through
 * setAttribute, so names that come from AWS (bucket names, ...) always show as text.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, options: { className?: string; text?: string; attrs?: Record<string, string> } = {}, children: (Node | null)[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [k, v] of Object.entries(options.attrs ?? {})) node.setAttribute(k, v);
  for (const c of children) if (c) node.appendChild(c);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function clear(node: Element): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** Buttons and focusable SVG markers react to click, Enter and Space alike. */
export function onActivate(node: Element, action: () => void): void {
  node.addEventListener('click', action);
  node.addEventListener('keydown', (e) => {
    const key = (e as KeyboardEvent).key;
    if (node instanceof HTMLButtonElement) return; // native buttons already turn Enter/Space into click
    if (key === 'Enter' || key === ' ') {
      e.preventDefault();
      action();
    }
  });
}
