// English text of the install guide (features/install); ../fr/install.ts translates every key.
export default {
  installed: "Installed. Outrigger is now on your home screen.",
  notInstalled: "Not installed. You can install it later from the browser's menu.",
  heading: "Install this app",
  alreadyInstalled: "Outrigger is installed on this phone: open it from the home screen.",
  why: "Installed, Outrigger opens from your home screen like any other app, works without a connection, and the phone keeps its data safer.",
  installButton: "Install Outrigger",
  android: "Android phone (Chrome)",
  androidOpen: "Open this page in Chrome.",
  androidMenu: "Tap the menu ⋮ at the top right.",
  androidInstall: "Tap “Install app” (or “Add to Home screen”), then “Install”.",
  ios: "iPhone or iPad (Safari)",
  iosOpen: "Open this page in Safari.",
  iosShare: "Tap the Share button (a square with an arrow pointing up).",
  iosAdd: "Scroll down and tap “Add to Home Screen”, then “Add”.",
  backToQuestionnaires: "Back to your questionnaires",
};
