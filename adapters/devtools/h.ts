/** A tiny element builder: text children are text nodes, so no value is ever parsed as HTML. */
export function h(
  tag: string,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: Array<Node | string | false | null | undefined>
): HTMLElement {
  const el = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === undefined) continue
    el.setAttribute(name, value === true ? '' : String(value))
  }
  for (const child of children) if (child !== false && child !== null && child !== undefined) el.append(child)
  return el
}
