import { render } from "solid-js/web";
import { App } from "./App";
import { registerServiceWorker } from "./features/update/serviceWorkerUpdates";
import { syncEngine } from "./sync/engineInstance";
import "./ui/styles.css";

const root = document.getElementById("root");
if (root) render(() => <App />, root);
registerServiceWorker();
syncEngine.start();
