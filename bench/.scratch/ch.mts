import { start } from '../lib/harness'
import { ours, oursStream } from '../subjects/ours'
import { now } from '../lib/stats'
import { createStub } from '../lib/stub'
import { createOurs } from '../subjects/ours'
import { token } from '../lib/token'
for (const subj of [ours, oursStream, ours, oursStream]) {
  const { inst } = await start(subj, ['permissions'])
  const keep = inst.subscribe('permissions', () => {})
  const fn = () => {}
  const t0 = now()
  for (let i = 0; i < 100000; i++) inst.subscribe('permissions', fn)()
  console.log(subj.name, (now() - t0).toFixed(0))
  keep(); inst.destroy()
}
const store = createOurs({ stub: createStub(), token: token(), names: ['permissions'] })
const s$ = store.permissions.state$
const keep = s$.subscribe(() => {})
let t0 = now()
for (let i = 0; i < 100000; i++) s$.subscribe(() => {}).unsubscribe()
console.log('direct', (now() - t0).toFixed(0))
const $s = store.permissions.$state
t0 = now()
for (let i = 0; i < 100000; i++) $s.subscribe(() => {})()
console.log('direct atom', (now() - t0).toFixed(0))
process.exit(0)
