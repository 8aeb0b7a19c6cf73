// The order the report numbers workshops in: one order for every table, chosen by the organiser.

/**
 * The workshops in the organiser's order: ids named in `order` first, in that order; the rest keep
 * the order they came in (chronological, as the report loads them). Unknown ids are ignored.
 */
export function inReportOrder<W extends { id: string }>(workshops: readonly W[], order: readonly string[]): W[] {
  const place = new Map<string, number>();
  for (const id of order) if (!place.has(id)) place.set(id, place.size);
  const named = workshops.filter((w) => place.has(w.id)).sort((a, b) => place.get(a.id)! - place.get(b.id)!);
  return [...named, ...workshops.filter((w) => !place.has(w.id))];
}
