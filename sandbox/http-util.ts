/** Small HTTP helpers shared by the sandbox's servers. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OperationOutcome } from 'fhir/r4';

export function readBody(req: IncomingMessage, limit = 32 * 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {},
  contentType = 'application/json'): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': `${contentType}; charset=utf-8`, 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

export function outcome(code: OperationOutcome['issue'][number]['code'], text: string,
  severity: OperationOutcome['issue'][number]['severity'] = 'error'): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code, details: { text } }] };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Whether a request target can be parsed and its path percent-decoded. A malformed one (`/%E0%A4%A`) must get a 400,
 * never reach a decodeURIComponent that throws inside an async handler and takes the process down.
 */
export function isWellFormedTarget(target: string | undefined): boolean {
  try {
    decodeURIComponent(new URL(target ?? '/', 'http://host').pathname);
    return true;
  } catch {
    return false;
  }
}
