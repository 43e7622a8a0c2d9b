// Entry point; filled in by its issue. Public exports only.
export {}
