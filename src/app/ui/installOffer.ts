// The browser's offer to install the app (Chromium's beforeinstallprompt), caught at start so the install guide,
// opened later, can show a real Install button; and whether the app already runs installed.
import { createSignal } from "solid-js";

interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: "accepted" | "dismissed" }>;
}

const [offer, setOffer] = createSignal<BeforeInstallPromptEvent>();
const [installed, setInstalled] = createSignal(false);

/** Called once at start: the event fires early and only once per page load. */
export function keepInstallOffer(): void {
  window.addEventListener("beforeinstallprompt", (event) => {
    // Keeps the browser's own mini-bar away: the guide offers installing where the participant looks for it.
    event.preventDefault();
    setOffer(event as BeforeInstallPromptEvent);
  });
  window.addEventListener("appinstalled", () => {
    setOffer(undefined);
    setInstalled(true);
  });
}

/** The web manifest, left out of index.html so a first visit does not fetch it before the first question (vite.config.ts). */
export function linkWebManifest(): void {
  if (document.querySelector('link[rel="manifest"]')) return;
  const link = document.createElement("link");
  link.rel = "manifest";
  link.href = "/manifest.webmanifest";
  document.head.append(link);
}

/** True when the browser offered installing in this page load. */
export const installOffered = () => offer() !== undefined;

/** Shows the browser's install question; the offer is spent either way. */
export async function installFromOffer(): Promise<"accepted" | "dismissed" | "unavailable"> {
  const event = offer();
  if (!event) return "unavailable";
  setOffer(undefined);
  await event.prompt();
  const { outcome } = await event.userChoice;
  if (outcome === "accepted") setInstalled(true);
  return outcome;
}

/** Running from the home screen (Android's installed app, iOS's home-screen icon), or just installed. */
export const runsInstalled = (): boolean =>
  installed() ||
  window.matchMedia("(display-mode: standalone)").matches ||
  (navigator as Navigator & { standalone?: boolean }).standalone === true;
