// Rule 17 when the lead moves under a 429: the leader hangs (a busy page) while its request is
// out, a visible follower takes the lead over, and the 429 lands in the tab that no longer leads.
// Every tab must still show the cool-down and its error, not just the cool-down.
import { expect, test } from 'vitest'
import { cooling, useTabsFixture } from './support/tabs-fixture'
import { describeEngines } from './support/engines'
import { shown, sleep, until, type Shown } from './support/page-state'

const COOL_DOWN_S = 8
const summary = (st: Shown) => ({ leader: st.session.leader, cooling: st.session.rateLimitedUntil !== null, error: st.resources.profile!.error })

describeEngines('a 429 that lands after its tab lost the lead', (engine) => {
  const harness = useTabsFixture(engine)

  test('every tab shows the cool-down and its error, whichever tab leads by then', async () => {
    const { site: s, tabs } = await harness.openTabs('?user=kp_alice&interval=1000', 2)
    const before = await until(() => Promise.all(tabs.map(shown)), (xs) => xs.filter((x) => x.session.leader).length === 1)
    const hung = before.findIndex((x) => x.session.leader)
    const leader = tabs[hung]!

    // The leader's next profile poll is held 6 s at the API and then refused with a 429; the
    // leader hangs meanwhile for 4.5 s, longer than the follower waits for its beat, so the 429 is
    // read only after the follower took the lead.
    s.api.fault('profile', { latency: 6000 }, { times: 1 })
    s.api.fault('profile', { status: 429, rateLimitReset: COOL_DOWN_S }, { times: 1 })
    // The profile's poll is out: each resource polls once a second, so the other five cannot send
    // eleven requests before the profile's timer has fired once.
    const sent = (await shown(leader)).session.requests
    const polled = await until(() => shown(leader), (x) => x.session.requests >= sent + 11, 10_000)
    expect(polled.session.requests).toBeGreaterThanOrEqual(sent + 11)
    const hang = leader.evaluate(() => { const t = Date.now(); while (Date.now() - t < 4500) { /* a busy page */ } }, undefined).catch(() => {})
    // The new leader fetches what it knows only from the old one; its profile request, out before
    // the 429 lands, answers late: until it does, the 429 is the last word on the profile. (Added
    // a second into the hang: the old leader's request is at the API by then, and the follower
    // waits at least 2.5 s before it takes over.)
    await sleep(1000)
    s.api.fault('profile', { latency: 8000 }, { times: 1 })

    const states = await until(() => Promise.all(tabs.map(shown)), (xs) => xs.every(cooling), 12_000)
    await hang
    expect(states.filter((x) => !cooling(x)).map(summary)).toEqual([])
    expect(states.map((x) => x.session.leader)).toEqual(tabs.map((_, i) => i !== hung)) // the lead moved
    expect(new Set(states.map((x) => x.session.rateLimitedUntil)).size).toBe(1)
  })
})
