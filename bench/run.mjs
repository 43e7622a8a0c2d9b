// `npm run bench`: runs bench/main.ts in this one Node process through tsx's loader (which also
// maps `kinde-account-sync` to src/ via tsconfig paths). BENCH_ONLY=size,storm runs a subset.
import { register } from 'tsx/esm/api'

register()
await import('./main.ts')
