/** Newest first where a date is known; undated items follow in their given (name) order. */
export function newestFirst<T>(items: readonly T[], dateOf: (item: T) => Date | undefined): T[] {
  return items
    .map((item, index) => ({ item, index, time: dateOf(item)?.getTime() }))
    .sort((a, b) => (b.time ?? -Infinity) - (a.time ?? -Infinity) || a.index - b.index)
    .map(({ item }) => item);
}
