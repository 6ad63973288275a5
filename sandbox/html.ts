/** Plain HTML pages of the sandbox (EHR launcher, patient picker): every dynamic text goes through `escapeHtml`. */
import type { ServerResponse } from 'node:http';

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem;color:#1b1f24;line-height:1.4}
h1{font-size:1.4rem}table{border-collapse:collapse;width:100%}td,th{padding:.4rem .6rem;border-bottom:1px solid #d0d7de;text-align:left;vertical-align:top}
button{font:inherit;padding:.3rem .9rem;cursor:pointer}.muted{color:#57606a;font-size:.9rem}iframe{border:1px solid #8c959f}
code{background:#f6f8fa;padding:0 .2rem}`;

/** A complete page; `body` must already be escaped HTML. */
export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // The sandbox's own pages run no script at all.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://127.0.0.1:* http://localhost:*; frame-src http://127.0.0.1:* http://localhost:*",
  });
  res.end(html);
}
