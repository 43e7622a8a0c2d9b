// The leaf every folder shares: resource names, data shapes, identity, the persisted entry and
// the token source shapes. It imports nothing (ARCHITECTURE.md, "Layout").
export * from './records'
export type * from './data'
export type * from './identity'
