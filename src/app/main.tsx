// The app's entry: renders at once; everything the first screen does not need starts after it (backgroundWork.ts).
import { render } from "solid-js/web";
import { App } from "./App";
import { registerOnFirstVisit } from "./features/update/offlineShell";
import { applyEarlyTextSize, applySavedTextSize } from "./ui/textSizeSetting";
import { whenFirstScreenShown } from "./ui/firstScreen";
import { keepInstallOffer, linkWebManifest } from "./ui/installOffer";
import "./ui/styles.css";

keepInstallOffer();
// Before the first render, so a reader who chose a larger size never sees the normal one flash by: the early copy at
// once, then the phone's database (which counts, and corrects the copy if they differ).
applyEarlyTextSize();
void applySavedTextSize();
const root = document.getElementById("root");
if (root) render(() => <App />, root);
void whenFirstScreenShown().then(() => {
  linkWebManifest();
  registerOnFirstVisit();
  return import("./backgroundWork").then(({ startBackgroundWork }) => startBackgroundWork());
});
