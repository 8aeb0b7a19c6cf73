// The "Install this app" guide in a real Chromium: reachable from home, Android and iPhone steps, a real Install
// button when the browser offers one, and gone when the app already runs from the home screen.
import { describe, expect, it } from "vitest";
import { appForThisFile } from "./support/appServer";

const app = appForThisFile();

describe("install this app", () => {
  it("is linked from home, gives the Android and iPhone steps, and installs through the browser's own offer", async () => {
    const { page } = await app.phones.open();
    await page.goto(`${app.url}/`);
    await page.getByRole("link", { name: "Install this app on your phone" }).click();
    await page.getByRole("heading", { name: "Install this app" }).waitFor();
    expect(await page.getByRole("region", { name: /Android/ }).textContent()).toMatch(/Install app/);
    expect(await page.getByRole("region", { name: /iPhone/ }).textContent()).toMatch(/Add to Home Screen/);
    // Chromium offers installing this app (manifest, icons, service worker): the guide shows a real Install button.
    await page.getByRole("button", { name: "Install Outrigger" }).waitFor({ timeout: 60_000 });

    // The browser's own question cannot be answered headless: a stand-in offer answers "accepted" in its place.
    await page.evaluate(() => {
      const offer = Object.assign(new Event("beforeinstallprompt", { cancelable: true }), {
        prompt: async () => void ((window as unknown as { prompted: boolean }).prompted = true),
        userChoice: Promise.resolve({ outcome: "accepted" }),
      });
      window.dispatchEvent(offer);
    });
    await page.getByRole("button", { name: "Install Outrigger" }).click();
    // Accepted: the guide now says the app is installed, and opens from the home screen.
    await page.getByTestId("install-done").waitFor();
    expect(await page.evaluate(() => (window as unknown as { prompted?: boolean }).prompted)).toBe(true);
  });

  it("is not offered when the app runs installed (display-mode: standalone)", async () => {
    const { context, page } = await app.phones.open();
    await context.addInitScript(() => {
      const matchMedia = window.matchMedia.bind(window);
      window.matchMedia = (query: string) =>
        query.includes("display-mode: standalone")
          ? ({ ...matchMedia(query), matches: true, media: query } as MediaQueryList)
          : matchMedia(query);
    });
    await page.goto(`${app.url}/`);
    await page.getByRole("heading", { name: "Your questionnaires" }).waitFor();
    expect(await page.getByRole("link", { name: "Install this app on your phone" }).count()).toBe(0);
    await page.goto(`${app.url}/install`);
    await page.getByTestId("install-done").waitFor();
  });
});
