// A handout (HTML or Markdown-ish text) shown safely: sanitised, and in a frame where no script can run.
import DOMPurify from "dompurify";
import { createResource } from "solid-js";

const FRAME_STYLE = `body{font:17px/1.55 system-ui,sans-serif;color:#1a1f24;margin:0;padding:12px;overflow-wrap:anywhere}img{max-width:100%;height:auto}table{border-collapse:collapse;max-width:100%}td,th{border:1px solid #c9d1d6;padding:4px}`;
// Even if sanitising missed something, the frame forbids scripts, network and forms.
const FRAME_POLICY = "default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'";

export function sanitisedHandoutDocument(source: string, title: string): string {
  const clean = DOMPurify.sanitize(source, { FORBID_TAGS: ["style", "form", "iframe", "object", "embed"], FORBID_ATTR: ["style"] });
  const safeTitle = title.replace(/[<>&"]/g, "");
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${FRAME_POLICY}"><title>${safeTitle}</title><style>${FRAME_STYLE}</style></head><body>${clean}</body></html>`;
}

export function HandoutViewer(props: { blob: Blob; title: string }) {
  const [doc] = createResource(() => props.blob, async (blob) => sanitisedHandoutDocument(await blob.text(), props.title));
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
