/** Kinde's default when `page_size` is not sent (the spec's parameter docs). */
export const DEFAULT_PAGE_SIZE = 10

export interface PageQuery { pageSize: number; startingAfter: string | null }
export interface PageMetadata { has_more: boolean; next_page_starting_after?: string }

/** Reads `page_size`/`starting_after`; a string error message when they are not usable. */
export function readPageQuery(query: URLSearchParams): PageQuery | string {
  const raw = query.get('page_size')
  const pageSize = raw === null || raw === '' ? DEFAULT_PAGE_SIZE : Number(raw)
  if (!Number.isInteger(pageSize) || pageSize < 1) return 'page_size must be a positive integer'
  const startingAfter = query.get('starting_after')
  return { pageSize, startingAfter: startingAfter === '' ? null : startingAfter }
}

/**
 * One page after the item whose id is `startingAfter`. `next_page_starting_after` is the id of the
 * page's last item (the spec's wording), also on the last page; `has_more` says whether to go on.
 */
export function paginate<T extends { id: string }>(items: T[], { pageSize, startingAfter }: PageQuery):
  { items: T[]; metadata: PageMetadata } | string {
  let start = 0
  if (startingAfter !== null) {
    const index = items.findIndex((item) => item.id === startingAfter)
    if (index < 0) return `starting_after "${startingAfter}" is not an item of this list`
    start = index + 1
  }
  const page = items.slice(start, start + pageSize)
  const last = page[page.length - 1]
  return {
    items: page,
    metadata: { has_more: start + pageSize < items.length, ...(last && { next_page_starting_after: last.id }) },
  }
}
