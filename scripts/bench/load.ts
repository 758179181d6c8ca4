// Load shapes: N users calling at the same time, and one caller timing two variants in turns.
import { performance } from "node:perf_hooks";
import { setImmediate } from "node:timers/promises";
import { sql } from "kysely";
import { asServiceRole } from "../../app/.server/db/privileged";
import type { Tx } from "../../app/.server/db/request";

const yieldToEventLoop = () => setImmediate();

/**
 * Every user runs warmup + iterations calls one after the other; all users start together, so
 * `users.length` calls are in flight at any time. Returns the counted latencies (ms) and the wall
 * time of the whole run.
 */
export async function concurrentUsers<U>(
  users: U[],
  options: { iterations: number; warmup: number },
  call: (user: U, iteration: number) => Promise<void>,
): Promise<{ samples: number[]; wallMs: number }> {
  const samples: number[] = [];
  const started = performance.now();
  await Promise.all(
    users.map(async (user) => {
      for (let i = 0; i < options.warmup + options.iterations; i++) {
        const t0 = performance.now();
        await call(user, i);
        // No yield to the event loop here: on PGlite (no real I/O) a worker waiting for
        // setImmediate would drop out of the queue, and fewer than `users.length` calls would be
        // in flight. So on PGlite, Ctrl-C is seen only once these calls are done.
        if (i >= options.warmup) samples.push(performance.now() - t0);
      }
    }),
  );
  return { samples, wallMs: performance.now() - started };
}

/** Times a and b alternately (a, b, b, a, …) so drift on a busy machine hits both alike. */
export async function alternate(
  iterations: number,
  warmup: number,
  a: (i: number) => Promise<number>,
  b: (i: number) => Promise<number>,
): Promise<{ a: number[]; b: number[] }> {
  const result = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < warmup + iterations; i++) {
    const first = i % 2 === 0;
    const x = first ? await a(i) : await b(i);
    const y = first ? await b(i) : await a(i);
    await yieldToEventLoop(); // one caller: lets timers and Ctrl-C through, timing unaffected
    if (i < warmup) continue;
    result.a.push(first ? x : y);
    result.b.push(first ? y : x);
  }
  return result;
}

/** Milliseconds of one call. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * The other side of an RLS ratio: as service_role (no RLS) with the user's claims, so the page's
 * SQL sees the same person (auth.uid(), the membership helpers) and returns the same rows.
 */
export async function asServiceRoleFor<T>(user: { id: string; email: string }, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return asServiceRole("benchmark", async (tx) => {
    const claims = JSON.stringify({ sub: user.id, email: user.email, role: "service_role" });
    await sql`select set_config('request.jwt.claims', ${claims}, true)`.execute(tx);
    return fn(tx);
  });
}
