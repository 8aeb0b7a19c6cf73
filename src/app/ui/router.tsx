// A small History-API router. @solidjs/router costs ~6 KB gzip of a 75 KB first-load budget for
// features this app does not use (data loading, nested layouts), so the app routes with this instead.
import { createContext, createMemo, createSignal, splitProps, useContext, type Component, type JSX } from "solid-js";

export type Params = Record<string, string | undefined>;

export interface RouteDefinition {
  /** "/survey/:code", "/join/:code?" (optional last segment), "/console/*" (that prefix and all below) or "*". */
  path: string;
  component: Component;
}

const [currentPath, setCurrentPath] = createSignal(typeof location === "undefined" ? "/" : location.pathname);
if (typeof window !== "undefined") window.addEventListener("popstate", () => setCurrentPath(location.pathname));

export { currentPath };

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  setCurrentPath(new URL(to, location.href).pathname);
}

export const useNavigate = () => navigate;

export function matchPath(pattern: string, path: string): Params | undefined {
  if (pattern === "*") return {};
  if (pattern.endsWith("/*")) {
    const prefix = pattern.slice(0, -2);
    return path === prefix || path.startsWith(`${prefix}/`) ? {} : undefined;
  }
  const want = pattern.split("/").filter(Boolean);
  const have = path.split("/").filter(Boolean);
  const optionalTail = want.length > 0 && want[want.length - 1].endsWith("?");
  if (have.length > want.length || have.length < want.length - (optionalTail ? 1 : 0)) return undefined;
  const params: Params = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i];
    if (segment.startsWith(":"))
      params[segment.slice(1).replace(/\?$/, "")] = have[i] === undefined ? undefined : decodeURIComponent(have[i]);
    else if (segment !== have[i]) return undefined;
  }
  return params;
}

const ParamsContext = createContext<Params>({});
export const useParams = <T extends Params>(): T => useContext(ParamsContext) as T;

export function Routes(props: { routes: RouteDefinition[] }) {
  const matched = createMemo(() => {
    for (const route of props.routes) {
      const params = matchPath(route.path, currentPath());
      if (params) return { route, params, key: currentPath() };
    }
    return undefined;
  });
  // Re-created whenever the path changes, so a screen always starts from its own params.
  return (
    <>
      {(() => {
        const m = matched();
        // Inside JSX this function is itself the tracked scope, re-run when the path changes; returning early is safe.
        // eslint-disable-next-line solid/components-return-once
        if (!m) return null;
        const Screen = m.route.component;
        return (
          <ParamsContext.Provider value={m.params}>
            <Screen />
          </ParamsContext.Provider>
        );
      })()}
    </>
  );
}

/** An in-app link: a real <a> (keyboard, long-press, open in new tab all work) that routes without reloading. */
export function Link(props: JSX.AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; replace?: boolean }) {
  const [own, rest] = splitProps(props, ["href", "replace", "onClick"]);
  return (
    <a
      {...rest}
      href={own.href}
      aria-current={currentPath() === own.href ? "page" : undefined}
      onClick={(event) => {
        if (
          event.defaultPrevented ||
          event.button !== 0 ||
          event.metaKey ||
          event.ctrlKey ||
          event.shiftKey ||
          event.altKey
        )
          return;
        event.preventDefault();
        navigate(own.href, { replace: own.replace });
      }}
    />
  );
}
