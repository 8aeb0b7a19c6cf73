// The handout frame's own stylesheet and policy: shared so the server can allow exactly this <style> by its hash in the app's CSP.
export const HANDOUT_FRAME_STYLE = `body{font:17px/1.55 system-ui,sans-serif;color:#1a1f24;margin:0;padding:12px;overflow-wrap:anywhere}img{max-width:100%;height:auto}table{border-collapse:collapse;max-width:100%}td,th{border:1px solid #c9d1d6;padding:4px}`;

/** Even if sanitising missed something, the frame forbids scripts, network and forms. */
export const HANDOUT_FRAME_POLICY = "default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'";
