// Sizes as a participant reads them, in the chosen language ("3.2 MB", "3,2 Mo"); apart from the library's module so
// the status line needs no library code.
import { t } from "../i18n/coreMessages";
import { formattingLocale } from "../i18n/language";

const decimals = (n: number, digits: number) =>
  n.toLocaleString(formattingLocale(), { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** 48 MB, 950 KB, 3.2 MB: sizes as a participant reads them. */
export function formatBytes(bytes: number): string {
  const KB = 1024;
  const MB = KB * 1024;
  const GB = MB * 1024;
  if (bytes < KB) return t("sizeBytes", { n: decimals(Math.max(0, bytes), 0) });
  if (bytes < MB) return t("sizeKB", { n: decimals(bytes / KB, 0) });
  if (bytes < GB) return t("sizeMB", { n: decimals(bytes / MB, bytes < 10 * MB ? 1 : 0) });
  return t("sizeGB", { n: decimals(bytes / GB, 1) });
}
