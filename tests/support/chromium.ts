// Debian's Chromium, driven by playwright-core, with the flags this closed network needs.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export interface PhoneProfile {
  context: BrowserContext;
  close(): Promise<void>;
}

export interface PhoneOptions {
  /** The phone's time zone, e.g. "Pacific/Tongatapu" (UTC+13); default: this machine's. */
  timezoneId?: string;
  /** The phone's language, e.g. "en-GB"; default: Chromium's. */
  locale?: string;
  /** The browser's own text-size setting as a factor (2 = 200%: 32 px default font instead of 16 px). */
  textScale?: number;
}

/** A fresh browser profile sized like a small phone (360×640, touch), as a participant would have. */
export async function launchPhone({ textScale, ...options }: PhoneOptions = {}): Promise<PhoneProfile> {
  const userDataDir = mkdtempSync(join(tmpdir(), "outrigger-profile-"));
  if (textScale) {
    // The same preference the browser's settings page writes, so pages see a real larger default size.
    mkdirSync(join(userDataDir, "Default"));
    writeFileSync(
      join(userDataDir, "Default", "Preferences"),
      JSON.stringify({ webkit: { webprefs: { default_font_size: Math.round(16 * textScale) } } }),
    );
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 360, height: 640 },
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 2,
    ...options,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
