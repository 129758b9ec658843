// The one-line message an operator gets when the server cannot listen, instead of node's stack trace.
export function listenFailure(error: unknown, host: string, port: number): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const where = `${host}:${port}`;
  if (code === 'EADDRINUSE')
    return `${where} is already in use (is another server running?); stop it or set PORT to a free port`;
  if (code === 'EACCES')
    return `may not listen on ${where} (ports below 1024 need privileges); set PORT to 1024 or above`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return `cannot listen on ${where}: HOST is not an address of this machine`;
  return `cannot listen on ${where}: ${error instanceof Error ? error.message : String(error)}`;
}
