// A tiny element builder: h('li', { 'data-testid': 'x' }, 'text', child).
import { hideBroken, initials } from '../../shared/format'
type Child = Node | string | number | null | undefined | false | ''
type Attrs = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>

export function h(tag: string, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElement {
  const el = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value)
    else if (value === true) el.setAttribute(name, '')
    else if (value !== false && value !== null && value !== undefined) el.setAttribute(name, String(value))
  }
  el.append(...nodes(children))
  return el
}

/** Replaces an element's children, skipping empty ones (`cond && h(...)`). */
export function fill(el: HTMLElement, ...children: (Child | Child[])[]): void {
  el.replaceChildren(...nodes(children))
}

function nodes(children: (Child | Child[])[]): (Node | string)[] {
  return children.flat()
    .filter((c): c is Node | string | number => c !== null && c !== undefined && c !== false && c !== '')
    .map((c) => (typeof c === 'number' ? String(c) : c))
}

/** A list, or an "empty" line when there is nothing. */
export function list<T>(items: T[], empty: string, item: (value: T) => HTMLElement): HTMLElement {
  return items.length ? h('ul', { class: 'items' }, items.map(item)) : h('p', { class: 'empty' }, empty)
}

/** Initials, covered by the picture once it loads. */
export function avatar(name: string | null, picture: string | null): HTMLElement {
  return h('span', { class: 'avatar' }, initials(name), picture && h('img', { src: picture, alt: '', onerror: hideBroken }))
}
