/**
 * Makes `live` look like `next`, keeping every node that stays: a button under the pointer is
 * the same element after an update (its click is not lost), and scroll positions stay put.
 */
export function morph(live: Node, next: Node): void {
  if (live.nodeName !== next.nodeName) return void live.parentNode?.replaceChild(next, live)
  if (live.nodeType === 3) {
    if (live.nodeValue !== next.nodeValue) live.nodeValue = next.nodeValue
    return
  }
  const [a, b] = [live as Element, next as Element]
  for (const { name } of [...a.attributes]) if (!b.hasAttribute(name)) a.removeAttribute(name)
  for (const { name, value } of [...b.attributes]) if (a.getAttribute(name) !== value) a.setAttribute(name, value)
  const kids = [...a.childNodes]
  const nextKids = [...b.childNodes]
  nextKids.forEach((kid, i) => (kids[i] ? morph(kids[i], kid) : a.append(kid)))
  for (const extra of kids.slice(nextKids.length)) extra.remove()
}
