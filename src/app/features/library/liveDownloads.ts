// The library screens' view of running downloads: bytes as they arrive (not per stored chunk), and whether a file
// is moving or waiting for a connection, re-judged every second and on the browser's online/offline events.
import { createSignal, onCleanup } from "solid-js";
import type { MaterialFile } from "../../store/db";
import { downloadPace, type DownloadPace } from "../../sync/downloadPace";
import type { Arrival } from "../../sync/materialsDownloader";
import { downloader } from "../../sync/downloaderInstance";
import { t } from "../../i18n/libraryMessages";

export interface LiveDownloads {
  /** The file's bytes on the phone or arriving: never behind what is stored. */
  bytesOf(file: MaterialFile): number;
  /** Moving (with speed and time left) or waiting for a connection. */
  paceOf(file: MaterialFile): DownloadPace;
}

export function createLiveDownloads(): LiveDownloads {
  const [arrivals, setArrivals] = createSignal<ReadonlyMap<string, Arrival>>(new Map());
  const [now, setNow] = createSignal(Date.now());
  const [online, setOnline] = createSignal(navigator.onLine);
  const stopWatching = downloader.watchArrivals(setArrivals);
  const ticker = setInterval(() => setNow(Date.now()), 1000);
  const onOnline = () => setOnline(true);
  const onOffline = () => setOnline(false);
  window.addEventListener("online", onOnline);
  window.addEventListener("offline", onOffline);
  onCleanup(() => {
    stopWatching();
    clearInterval(ticker);
    window.removeEventListener("online", onOnline);
    window.removeEventListener("offline", onOffline);
  });

  const bytesOf = (file: MaterialFile) => Math.max(file.storedBytes, arrivals().get(file.sha256)?.bytes ?? 0);
  return {
    bytesOf,
    paceOf: (file) =>
      downloadPace({
        remainingBytes: file.size - bytesOf(file),
        bytesPerSecond: file.bytesPerSecond,
        lastByteAt: arrivals().get(file.sha256)?.at,
        now: now(),
        online: online(),
      }),
  };
}

/** "50 KB/s · about 3 min left", or the plain waiting notice; `format` turns bytes and seconds into words. */
export function describePace(
  pace: DownloadPace,
  format: { bytes: (n: number) => string; timeLeft: (s: number | undefined) => string },
): string {
  if (pace.kind === "waiting") return t("waitingForConnection");
  if (!pace.bytesPerSecond) return "";
  const left = format.timeLeft(pace.secondsLeft);
  return `${t("perSecond", { size: format.bytes(pace.bytesPerSecond) })}${left ? ` · ${left}` : ""}`;
}
