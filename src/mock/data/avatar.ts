/**
 * A generated avatar as a `data:` URL: a coloured disc with the user's initials. Seed pictures are
 * these, so a page showing the mock's users requests nothing from any host and works offline,
 * while `picture` stays a URL an `<img>` can load, as Kinde's is.
 */
export function avatarDataUrl(name: string, background: string): string {
  const initials = name.split(/\s+/).filter(Boolean).map((word) => word[0]!.toUpperCase()).slice(0, 2).join('')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">`
    + `<circle cx="32" cy="32" r="32" fill="${background}"/>`
    + `<text x="32" y="41" font-family="system-ui,sans-serif" font-size="26" font-weight="600" fill="#fff" text-anchor="middle">${initials}</text>`
    + `</svg>`
  return `data:image/svg+xml,${encodeURIComponent(svg)}`
}
