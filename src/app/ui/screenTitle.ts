// Each screen names itself: the tab title follows the screen's heading, and after an in-app move focus goes to that heading.
import { createEffect, on, onCleanup } from "solid-js";
import { currentPath } from "./router";

const APP_NAME = "Outrigger";

function firstHeading(root: HTMLElement): HTMLElement | null {
  return root.querySelector<HTMLElement>("h1");
}

/**
 * Keeps document.title as "<screen heading> · Outrigger" (headings that fill in after loading included)
 * and, after a navigation inside the app, moves focus to the new heading so a screen reader starts there.
 */
export function followScreenHeadings(root: HTMLElement): void {
  const syncTitle = () => {
    const text = firstHeading(root)?.textContent?.trim();
    const title = text ? `${text} · ${APP_NAME}` : APP_NAME;
    if (document.title !== title) document.title = title;
  };
  const observer = new MutationObserver(syncTitle);
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  syncTitle();

  let focusWatcher: MutationObserver | undefined;
  createEffect(
    on(
      currentPath,
      () => {
        focusWatcher?.disconnect();
        const focusHeading = (): boolean => {
          const heading = firstHeading(root);
          if (!heading) return false;
          if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
          heading.focus();
          return true;
        };
        // The new screen may render its heading a moment later (after reading the phone's database).
        queueMicrotask(() => {
          if (focusHeading()) return;
          focusWatcher = new MutationObserver(() => {
            if (focusHeading()) focusWatcher?.disconnect();
          });
          focusWatcher.observe(root, { childList: true, subtree: true });
          setTimeout(() => focusWatcher?.disconnect(), 5000);
        });
      },
      { defer: true },
    ),
  );
  onCleanup(() => {
    observer.disconnect();
    focusWatcher?.disconnect();
  });
}
