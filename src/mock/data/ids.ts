/**
 * Kinde-looking friendly ids (`perm_0195ac80a14e8d71f42b98e75d3c61ad`), derived from the key so a
 * seed is the same on every run and the same key has the same id in every org, as in Kinde.
 */
export function mockId(prefix: string, key: string): string {
  let hex = ''
  for (let round = 0; round < 4; round++) {
    // FNV-1a, salted per round: cheap, deterministic, no crypto needed.
    let hash = 0x811c9dc5 ^ round
    for (let i = 0; i < key.length; i++) {
      hash ^= key.charCodeAt(i)
      hash = Math.imul(hash, 0x01000193)
    }
    hex += (hash >>> 0).toString(16).padStart(8, '0')
  }
  return `${prefix}_${hex}`
}

/** `read:reports` → `Read reports`: a plausible display name for keys created at run time. */
export function nameOf(key: string): string {
  const words = key.replace(/^kp_usr_/, '').split(/[:_\-\s]+/).filter(Boolean).join(' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}
