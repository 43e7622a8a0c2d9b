/** Builds an unsigned JWT for tests: header.payload.signature with base64url parts (UTF-8 safe). */
export function fakeJwt(claims: unknown, { raw }: { raw?: string } = {}): string {
  const enc = (text: string) => {
    const bytes = new TextEncoder().encode(text)
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  }
  return `${enc(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))}.${enc(raw ?? JSON.stringify(claims))}.c2lnbmF0dXJl`
}
