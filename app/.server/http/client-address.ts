// The address of the client that sent a request, as the HTTP server (serve.ts) saw it: the
// socket's peer, or behind a trusted proxy the first X-Forwarded-For entry. Kept beside the
// Request object rather than in a header, so no client can set it.
const addresses = new WeakMap<Request, string>();

export function rememberClientAddress(request: Request, address: string): void {
  addresses.set(request, address);
}

export function rememberedClientAddress(request: Request): string | undefined {
  return addresses.get(request);
}
