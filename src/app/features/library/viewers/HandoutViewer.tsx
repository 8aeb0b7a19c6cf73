// A handout (HTML or Markdown-ish text) shown safely: sanitised, and in a frame where no script can run.
import DOMPurify from "dompurify";
import { createResource } from "solid-js";
import {
  HANDOUT_FRAME_POLICY as FRAME_POLICY,
  HANDOUT_FRAME_STYLE as FRAME_STYLE,
} from "../../../../shared/handoutFrame";

/** A handout's own <style> blocks, dropped before parsing: the page's CSP would report them even in DOMPurify's inert document. */
const STYLE_BLOCK = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;

export function sanitisedHandoutDocument(source: string, title: string): string {
  const clean = DOMPurify.sanitize(source.replace(STYLE_BLOCK, ""), {
    FORBID_TAGS: ["style", "form", "iframe", "object", "embed"],
    FORBID_ATTR: ["style"],
  });
  const safeTitle = title.replace(/[<>&"]/g, "");
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${FRAME_POLICY}"><title>${safeTitle}</title><style>${FRAME_STYLE}</style></head><body>${clean}</body></html>`;
}

export function HandoutViewer(props: { blob: Blob; title: string }) {
  const [doc] = createResource(
    () => ({ blob: props.blob, title: props.title }),
    async ({ blob, title }) => sanitisedHandoutDocument(await blob.text(), title),
  );
  let frame: HTMLIFrameElement | undefined;
  const fit = () => {
    const body = frame?.contentDocument?.body;
    if (frame && body) frame.style.height = `${body.scrollHeight + 24}px`;
  };
  return (
    <iframe
      ref={frame}
      class="handout-frame"
      title={props.title}
      sandbox="allow-same-origin"
      srcdoc={doc() ?? ""}
      onLoad={fit}
      data-testid="handout-frame"
    />
  );
}
