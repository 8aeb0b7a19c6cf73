// The app's entry: renders at once; everything the first screen does not need starts after it (backgroundWork.ts).
import { render } from "solid-js/web";
import { App } from "./App";
import { registerOnFirstVisit } from "./features/update/offlineShell";
import { applyEarlyTextSize, applySavedTextSize } from "./ui/textSizeSetting";
import { applyStartingLanguage } from "./i18n/language";
import { t } from "./i18n/coreMessages";
import { whenFirstScreenShown } from "./ui/firstScreen";
import { keepInstallOffer, linkWebManifest } from "./ui/installOffer";
import { loadStore, loadStoreBesideFirstScreen } from "./store/storeLoader";
import { warmDateFormatting } from "./ui/formatTime";
import "./ui/styles.css";

keepInstallOffer();
// Before the first render, so a reader who chose a larger size never sees the normal one flash by: the early copy at
// once, then the phone's database (which counts, and corrects the copy if they differ).
applyEarlyTextSize();
void applySavedTextSize();
// A phone that has its database starts fetching the store's code (Dexie) beside the first render; a first visit
// after its first screen.
void loadStoreBesideFirstScreen();
// The language too; a phone in another language than English first fetches its catalogue (a small file, stored for
// offline with the app), beside the rest of start-up, so the first screen never shows English and then changes.
const root = document.getElementById("root");
const renderApp = () => root && render(() => <App />, root);
if (applyStartingLanguage() === "en") renderApp();
else void t.load().then(renderApp);
warmDateFormatting();
void whenFirstScreenShown().then(async () => {
  linkWebManifest();
  registerOnFirstVisit();
  // Sync and the rest start on what the phone holds, a first visit's join included; both chunks come together.
  const [{ startBackgroundWork }] = await Promise.all([import("./backgroundWork"), loadStore()]);
  startBackgroundWork();
});
