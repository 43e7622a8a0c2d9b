// Rule 17 in each engine: during a 429 every open tab shows the same error and the same end of
// the cool-down (so the same countdown), and a tab opened during it sends nothing.
import { expect, test } from 'vitest'
import { cooling, useTabsFixture } from './support/tabs-fixture'
import { describeEngines } from './support/engines'
import { shown, sleep, until } from './support/page-state'

const COOL_DOWN_S = 8

describeEngines('one cool-down across tabs', (engine) => {
  const harness = useTabsFixture(engine)

  test('during a 429 every tab shows the same error and countdown; a tab opened meanwhile sends nothing', async () => {
    const { site: s, tabs, open } = await harness.openTabs('?user=kp_alice&interval=1000', 2)

    s.api.fault('profile', { status: 429, rateLimitReset: COOL_DOWN_S }, { times: 1 })
    const states = await until(() => Promise.all(tabs.map(shown)), (all) => all.every(cooling), 10_000)
    // what a tab that is not cooling shows, so that a failure explains itself
    expect(states.filter((st) => !cooling(st)).map((st) => ({ leader: st.session.leader, until: st.session.rateLimitedUntil, profile: st.resources.profile }))).toEqual([])
    const ends = states.map((st) => st.session.rateLimitedUntil)
    expect(new Set(ends).size).toBe(1) // one end, so one countdown, in every tab
    for (const st of states) expect(st.resources.profile).toMatchObject({ status: 'ready', error: 'rate_limited' })

    // A third tab opens during the cool-down: it learns it from the leader and sends nothing.
    const late = await open()
    const lateState = await until(() => shown(late), cooling, 10_000)
    expect(lateState.session.rateLimitedUntil).toBe(ends[0])
    expect(lateState.resources.profile!.error).toBe('rate_limited')
    const end = ends[0]!
    await sleep(Math.max(0, end - Date.now() - 500))
    expect((await shown(late)).session.requests).toBe(0)
    expect(s.api.requests.filter((r) => r.at > end - COOL_DOWN_S * 1000 + 500 && r.at < end - 100)).toEqual([])

    // After it, the leader resumes and its fresh states clear the error in every tab.
    const all = [...tabs, late]
    const after = await until(() => Promise.all(all.map(shown)), (xs) => xs.every((x) => x.resources.profile!.error === '' && x.session.rateLimitedUntil === null), 15_000)
    expect(after.map((x) => x.resources.profile!.error)).toEqual(['', '', ''])
    expect((await shown(late)).session.requests).toBe(0) // a follower: the leader fetched for it
  })
})
