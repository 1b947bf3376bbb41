/** Reads every page of a paginated list: the API caps a page at 100 items. */
const PAGE_SIZE_MAX = 100;

export async function allPages<T>(
  fetchPage: (page: number, pageSize: number) => Promise<{ items: T[]; total: number }>,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page += 1) {
    const result = await fetchPage(page, PAGE_SIZE_MAX);
    items.push(...result.items);
    if (result.items.length < PAGE_SIZE_MAX || items.length >= result.total) return items;
  }
}
