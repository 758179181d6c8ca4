// The bench's building blocks: a target (one migrated database the app is pointed at), a case
// (seeds what it needs, then measures), and what a case reports.
import type { Database } from "../../app/.server/db/connection";

export type Target = {
  /** "PGlite" or "PostgreSQL 15.x": a column of the table. */
  label: string;
  database: Database;
  /** A further pool on the same database with `max` connections (server only; PGlite is one connection). */
  connect?(max: number): Database;
  /** The server database's URL (server only), for cases that start the app as its own process. */
  url?: string;
};

export type BenchOptions = {
  /** Simulated users calling a page at the same time. */
  concurrency: number;
  /** Requests per user and variant (after the warm-up). */
  iterations: number;
  /** Requests per user and variant that are not counted (JIT, caches, plans). */
  warmup: number;
  /** Sequential runs per variant of the RLS-overhead comparison. */
  sqlIterations: number;
  /** Print EXPLAIN ANALYZE of the cases' queries. */
  explain: boolean;
  /** Share of the large seeds (cover requests and offers, trainings and registrations) to write: 1 = all, 10 = ten times. */
  scale: number;
  /** How long the seat-throughput clients register, and how many there are. */
  seatSeconds: number;
  seatClients: number;
  /** The http case: signed-in users at once, seconds per page under load, app process counts. */
  httpUsers: number;
  httpSeconds: number;
  httpProcesses: number[];
  /** Where the http case writes each page's HTML (unset: nowhere). */
  httpHtmlDir?: string;
  /** The http case: each user's pause (ms) between a page's answer and the next request, one run per value. */
  httpThinkMs: number[];
  /** The rls case also appends each page's recorded statements (SQL, parameters, user) to this file, one JSON line per page. */
  statementsFile?: string;
  /** The volume case: explain each read as sent (prepared, sixth run: the plan production keeps) or with its values (a custom plan). */
  volumePlans: "sent" | "values";
};

export type BenchContext = {
  target: Target;
  options: BenchOptions;
  /** Seeds shared between cases (e.g. the 200-Träger circle), keyed by name; see shared(). */
  cache: Map<string, unknown>;
  log(message: string): void;
};

/** A row of the result table. */
export type Measurement =
  | {
      kind: "latency";
      case: string;
      variant: string;
      /** Milliseconds, one per counted request. */
      samples: number[];
      /** Wall time of the whole concurrent run, for requests per second. */
      wallMs: number;
    }
  | {
      kind: "ratio";
      case: string;
      variant: string;
      /** Milliseconds of the measured statement, with RLS (as the user) and without (service_role). */
      withRls: number[];
      withoutRls: number[];
    }
  | {
      kind: "http";
      case: string;
      variant: string;
      users: number;
      /** Each user's mean pause between an answer and the next request (0: none, a saturation test). */
      thinkMs: number;
      /** p50 of one client alone. */
      singleP50Ms: number;
      /** With `users` clients at once. */
      p50Ms: number;
      p95Ms: number;
      requestsPerSecond: number;
      cpuMsPerPage: number;
      /** cpuMsPerPage minus the CPU of the same loaders as a data request: the render's share. */
      renderCpuMsPerPage: number;
      htmlBytes: number;
      /** The same page's bytes on the wire, compressed as for a browser (absent in older runs). */
      wireBytes?: number;
    }
  | {
      kind: "volume";
      case: string;
      variant: string;
      /** Statements one call of the loader sends. */
      statements: number;
      /** Shared buffers those statements touch (planning + execution, functions and policies included). */
      buffers: number;
      /** Planning + execution time of the statements as the user, per replay. */
      sqlMs: number[];
      /** The loader called alone, per call. */
      loaderMs: number[];
    }
  | {
      kind: "rls";
      case: string;
      variant: string;
      /** Shared buffers (planning + execution) as the user and as service_role (same claims). */
      userBuffers: number;
      serviceBuffers: number;
      /** Planning + execution time per replay, each side. */
      userMs: number[];
      serviceMs: number[];
      /** Rows the statement returned on each side (they must be the same). */
      userRows: number;
      serviceRows: number;
    };

/**
 * A named benchmark. `seed` writes what the case needs into the target (reuse shared seeds through
 * `shared()`), `run` measures and returns rows for the table. Register new cases in cases/index.ts.
 */
export type BenchCase = {
  name: string;
  description: string;
  seed(ctx: BenchContext): Promise<void>;
  run(ctx: BenchContext): Promise<Measurement[]>;
};

/** Runs `make` once per target and hands every later caller the same value. */
export async function shared<T>(ctx: BenchContext, key: string, make: () => Promise<T>): Promise<T> {
  if (!ctx.cache.has(key)) ctx.cache.set(key, make());
  return (await ctx.cache.get(key)) as T;
}
