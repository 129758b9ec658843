// What a phone downloads to render a respondent page the first time: the HTML and the scripts, module preloads
// and styles it names, counted as bytes on the wire (bodies as sent, before the browser decodes them).
// Shared by the first-load test and bench/first-load.ts.
import { request } from 'node:http';

export interface WireFile {
  path: string;
  /** Content-Encoding as served; 'identity' when there was none. */
  encoding: string;
  /** Body bytes as sent. */
  bytes: number;
}

export interface FirstLoad {
  files: WireFile[];
  total: number;
}

/** One GET, its body counted and kept undecoded: fetch() would decode it and hide what crossed the wire. */
export function getRaw(
  url: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The same-origin files an HTML page loads before it can render: module scripts, module preloads, styles. */
export function pageFiles(html: string): string[] {
  const files = new Set<string>();
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/g) ?? []) {
    const isScript = tag.startsWith('<script');
    const rel = /\brel="([^"]*)"/.exec(tag)?.[1];
    if (!isScript && rel !== 'stylesheet' && rel !== 'modulepreload') continue;
    const url = /\b(?:src|href)="(\/[^"]*)"/.exec(tag)?.[1];
    if (url) files.add(url);
  }
  return [...files];
}

/** The first load of `page` with this Accept-Encoding: the page itself and every file it names. */
export async function measureFirstLoad(
  baseUrl: string,
  page: string,
  acceptEncoding: string,
): Promise<FirstLoad> {
  const headers = { 'accept-encoding': acceptEncoding };
  const fetchOne = async (path: string): Promise<WireFile> => {
    const res = await getRaw(baseUrl + path, headers);
    if (res.status !== 200) throw new Error(`first load: GET ${path} answered ${res.status}`);
    return { path, encoding: String(res.headers['content-encoding'] ?? 'identity'), bytes: res.body.length };
  };
  const html = await getRaw(baseUrl + page, {});
  if (html.status !== 200) throw new Error(`first load: GET ${page} answered ${html.status}`);
  const assets = pageFiles(html.body.toString('utf8'));
  if (assets.length === 0)
    throw new Error(`first load: ${page} names no scripts or styles (is dist/client built?)`);
  const files = await Promise.all([page, ...assets].map(fetchOne));
  return { files, total: files.reduce((sum, file) => sum + file.bytes, 0) };
}
