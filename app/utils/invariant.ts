/** Throws a Response (rendered by the nearest ErrorBoundary) when the condition does not hold. */
export function invariantResponse(
  condition: unknown,
  message: string = "Nicht gefunden",
  init: ResponseInit = { status: 404 },
): asserts condition {
  if (!condition) {
    throw new Response(message, { status: 404, ...init, headers: { "Content-Type": "text/plain; charset=utf-8", ...init.headers } });
  }
}
