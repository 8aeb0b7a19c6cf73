// The app's entry: renders at once; everything the first screen does not need starts after it (backgroundWork.ts).
import { render } from "solid-js/web";
import { App } from "./App";
import { whenFirstScreenShown } from "./ui/firstScreen";
import { keepInstallOffer } from "./ui/installOffer";
import "./ui/styles.css";

keepInstallOffer();
const root = document.getElementById("root");
if (root) render(() => <App />, root);
void whenFirstScreenShown().then(() =>
  import("./backgroundWork").then(({ startBackgroundWork }) => startBackgroundWork()),
);
