// Screens with unsaved typing register a flush here, so an app update or a page hide writes it first.
type Flush = () => Promise<void>;
const flushes = new Set<Flush>();

export function registerPendingWrite(flush: Flush): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

export async function flushPendingWrites(): Promise<void> {
  await Promise.all([...flushes].map((flush) => flush()));
}
