// Sizes, time left and kinds of material in words a participant reads at a glance, in the chosen language:
// "4.2 MB", "about 3 min left" ("4,2 Mo", "environ 3 min restantes").
import { t } from "../../i18n/libraryMessages";
import { formattingLocale } from "../../i18n/language";
import { formatBytes as sizeInWords } from "../../store/byteSizes";
import type { Material } from "../../../shared/materials";

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return "—";
  return sizeInWords(bytes);
}

export function formatTimeLeft(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return "";
  if (seconds < 60) return t("lessThanAMinuteLeft");
  if (seconds < 3600) return t("minutesLeft", { minutes: Math.round(seconds / 60) });
  const hours = (seconds / 3600).toLocaleString(formattingLocale(), {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  });
  return t("hoursLeft", { hours });
}

const KIND_KEYS = {
  document: "kindDocument",
  slides: "kindSlides",
  image: "kindImage",
  video: "kindVideo",
  audio: "kindAudio",
  handout: "kindHandout",
} as const satisfies Record<Material["kind"], string>;

/** "Slides", "Diapositives": what kind of material this is. */
export const kindLabel = (kind: Material["kind"]): string => t(KIND_KEYS[kind]);
