import { describe, expect, test } from 'vitest'
import { defaultSeed } from 'kinde-account-sync/mock'

describe('seed pictures', () => {
  test('are generated images that need no host, so a page showing them works offline', () => {
    const pictures = defaultSeed().users.map((u) => u.profile.picture)
    expect(pictures.filter((p) => p !== null)).toHaveLength(2) // Carol has none
    for (const picture of pictures) if (picture !== null) expect(picture).toMatch(/^data:image\/svg\+xml,/)
  })

  test("show the user's initials", () => {
    const alice = defaultSeed().users.find((u) => u.profile.id === 'kp_alice')!
    expect(decodeURIComponent(alice.profile.picture!)).toContain('>AA</text>')
  })
})
