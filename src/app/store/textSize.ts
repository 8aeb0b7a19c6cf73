// The reader's chosen text size, kept in the phone's own database so it holds offline and on the next visit.
import { type OutriggerDb, db } from "./db";
import { readMetaValue, writeMetaValue } from "./meta";

export const TEXT_SIZES = ["normal", "large", "larger"] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

const TEXT_SIZE_KEY = "textSize";

function isTextSize(value: unknown): value is TextSize {
  return (TEXT_SIZES as readonly unknown[]).includes(value);
}

/** The size chosen on this phone; "normal" until one is chosen (or if what is stored is not a size). */
export async function readTextSize(database: OutriggerDb = db): Promise<TextSize> {
  const stored = await readMetaValue(TEXT_SIZE_KEY, database);
  return isTextSize(stored) ? stored : "normal";
}

export async function saveTextSize(size: TextSize, database: OutriggerDb = db): Promise<void> {
  await writeMetaValue(TEXT_SIZE_KEY, size, database);
}
