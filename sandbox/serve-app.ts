/**
 * Serves the production build (dist/) the way a hospital would host the app: static files from one origin with a
 * Content-Security-Policy that forbids inline scripts and every third-party origin; only the EHR's FHIR/auth origin may
 * be contacted, and only the EHR (or the app itself) may frame it.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Powerful features the app never uses are off for it and anything it could embed; clipboard writing stays on for
 * the app itself ("Copy as text" for the note).
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()', 'autoplay=()', 'camera=()', 'display-capture=()', 'encrypted-media=()', 'fullscreen=()',
  'geolocation=()', 'gyroscope=()', 'magnetometer=()', 'microphone=()', 'midi=()', 'payment=()',
  'picture-in-picture=()', 'publickey-credentials-get=()', 'screen-wake-lock=()', 'serial=()', 'usb=()',
  'xr-spatial-tracking=()', 'clipboard-read=()', 'clipboard-write=(self)',
].join(', ');

/** The production CSP: `fhirOrigin` is where the FHIR server and its authorization server live; `ehrOrigin` may frame the app. */
export function contentSecurityPolicy(fhirOrigin: string, ehrOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `connect-src 'self' ${fhirOrigin}`,
    "img-src 'self' data:",
    // No 'unsafe-inline': the styles are files; React's style={…} props are set through the CSSOM
    // (element.style), which CSP does not restrict, unlike style attributes in markup.
    "style-src 'self'",
    `frame-ancestors ${ehrOrigin} 'self'`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

export interface ServeAppOptions {
  distDir: string;
  host: string;
  port: number;
  fhirOrigin: string;
  ehrOrigin: string;
  /**
   * Served as /smart-config.json instead of the build's own file (the shipped template): the development
   * configuration, for `npm start -- --prod` and the end-to-end tests.
   */
  smartConfig?: unknown;
}

export async function serveApp(options: ServeAppOptions): Promise<Server> {
  const root = resolve(options.distDir);
  const csp = contentSecurityPolicy(options.fhirOrigin, options.ehrOrigin);
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // Whatever went wrong, answer if still possible and keep serving: one request must never stop the server.
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Internal error');
      } else if (!res.destroyed) {
        res.destroy();
      }
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers = {
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'permissions-policy': PERMISSIONS_POLICY,
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, allow: 'GET, HEAD' });
      res.end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://app').pathname);
    } catch {
      // A malformed percent-encoding (`/%E0%A4%A`) or an unparsable target.
      res.writeHead(400, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
      res.end('Bad request');
      return;
    }
    if (pathname === '/smart-config.json' && options.smartConfig !== undefined) {
      const body = JSON.stringify(options.smartConfig, null, 2);
      res.writeHead(200, {
        ...headers,
        'content-type': CONTENT_TYPES['.json']!,
        'content-length': String(Buffer.byteLength(body)),
        'cache-control': 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const file = normalize(join(root, relative));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403, headers);
      res.end();
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const hashed = relative.startsWith('assets/');
      res.writeHead(200, {
        ...headers,
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': String(info.size),
        // Vite's hashed assets never change; the HTML pages must always be fresh.
        'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const stream = createReadStream(file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    }
  }
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolveListen());
  });
  return server;
}
