import { atom } from 'nanostores'
import { BehaviorSubject, Observable } from 'rxjs'
import { gc, now, median } from '../lib/stats'
const $a = atom({ v: 0 })
const obs = new Observable<any>((s) => $a.subscribe((v) => s.next(v)))
const bs = new BehaviorSubject({ v: 0 })
const N = 10000
function heap(sub: (fn: any) => any) {
  const offs = new Array(N); gc(); const b = process.memoryUsage().heapUsed
  for (let i = 0; i < N; i++) offs[i] = sub((v: any) => { void v })
  gc(); const a = process.memoryUsage().heapUsed
  for (const o of offs) typeof o === 'function' ? o() : o.unsubscribe()
  return (a - b) / N
}
function churn(sub: (fn: any) => any) {
  const fn = () => {}; const t = now()
  for (let i = 0; i < 100000; i++) { const o = sub(fn); typeof o === 'function' ? o() : o.unsubscribe() }
  return now() - t
}
const variants: Record<string, (fn: any) => any> = {
  atom: (fn) => $a.subscribe(fn),
  toObservable: (fn) => obs.subscribe(fn),
  toObservableObserver: (fn) => obs.subscribe({ next: fn }),
  behaviorSubject: (fn) => bs.subscribe(fn),
}
for (const [k, f] of Object.entries(variants)) {
  const hs = [heap(f), heap(f), heap(f)], cs = [churn(f), churn(f), churn(f)]
  console.log(k, 'B/sub', median(hs).toFixed(0), 'churn ms', median(cs).toFixed(0))
}
