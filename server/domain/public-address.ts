// Where the respondents' links, QR codes, posters and the live screen point, and whether a phone in the hall can
// open that address: without PUBLIC_URL the links take the address the admin's browser used, which is
// 127.0.0.1 or localhost when the admin works on the server itself, or the server listens on loopback only.

export interface PublicAddress {
  /** The origin the links use, e.g. https://saualnama.example.kz or http://127.0.0.1:8080. */
  origin: string;
  /** true: PUBLIC_URL is set and the links use it. */
  fromPublicUrl: boolean;
  /** The links' host is this machine only (127.0.0.0/8, ::1, localhost). */
  loopbackLink: boolean;
  /** HOST makes the server reachable from this machine only. */
  listensOnLoopback: boolean;
  /** What a phone cannot open: show the warning (PUBLIC_URL unset and a loopback link or listener). */
  warning: boolean;
}

export function isLoopback(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name)
  );
}

/** `requestOrigin`: the scheme and Host of the admin's request, used when PUBLIC_URL is unset. */
export function publicAddressOf(
  publicUrl: string | null,
  listenHost: string,
  requestOrigin: string,
): PublicAddress {
  const origin = publicUrl ?? requestOrigin;
  const loopbackLink = isLoopback(new URL(origin).hostname);
  const listensOnLoopback = isLoopback(listenHost);
  return {
    origin,
    fromPublicUrl: publicUrl !== null,
    loopbackLink,
    listensOnLoopback,
    warning: publicUrl === null && (loopbackLink || listensOnLoopback),
  };
}

/** The lines `npm start` prints when phones could not open the links (English: an operator's terminal). */
export function startupAddressWarning(publicUrl: string | null, listenHost: string): string | null {
  if (publicUrl !== null || !isLoopback(listenHost)) return null;
  return [
    `PUBLIC_URL is not set and the server listens on ${listenHost} only: briefing links, QR codes and posters`,
    'would point at this machine, which no phone in the hall can open. For a hall on the local network, start with',
    "HOST=0.0.0.0 PUBLIC_URL=http://<this machine's address>:<port> npm start (see the README, 'Public address').",
  ].join('\n');
}
