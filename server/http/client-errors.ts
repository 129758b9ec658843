// Requests that node's HTTP parser refuses before any handler runs (headers or request line over node's 16 KB,
// malformed requests, a request that took too long to arrive): answered in problem+json like every other refusal,
// instead of node's bare "400 Bad Request" without a body.
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Problem } from '../domain/problem';
import { SECURITY_HEADERS } from './security-headers';

function problemFor(code: string | undefined): Problem {
  if (code === 'HPE_HEADER_OVERFLOW')
    return new Problem(
      'headers-too-large',
      'The request line and headers may be at most 16 KB together; shorten the query string or the cookies.',
    );
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return new Problem('request-timeout', 'The request did not arrive in time; send it again.');
  return new Problem(
    'bad-request',
    'The request is not valid HTTP/1.1 (its request line or a header could not be read).',
  );
}

export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A client that went away, or a socket on which a reply has begun, can only be closed.
    if (
      error.code === 'ECONNRESET' ||
      !socket.writable ||
      (socket as Duplex & { _httpMessage?: unknown })._httpMessage
    ) {
      socket.destroy();
      return;
    }
    const problem = problemFor(error.code);
    const body = JSON.stringify(problem.toBody());
    const headers = {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/problem+json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(body)),
      Connection: 'close',
    };
    const head = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.end(`HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n${head}\r\n${body}`);
  });
}
