import { build } from 'unbuild'
await build(process.cwd(), false, { outDir: '/tmp/benchexp/dist', declaration: false } as any)
