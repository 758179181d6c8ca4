// The bench's compact table (one column group per target) and its JSON form.
import fs from "node:fs";
import os from "node:os";
import type { Measurement } from "./types";
import { median, ms, p95 } from "./stats";

export type TargetResult = { label: string; measurements: Measurement[] };

export type Summary =
  | { kind: "latency"; case: string; variant: string; n: number; medianMs: number; p95Ms: number; requestsPerSecond: number }
  | { kind: "ratio"; case: string; variant: string; n: number; withRlsMedianMs: number; withoutRlsMedianMs: number; ratio: number }
  | (Extract<Measurement, { kind: "http" }> & { p50Ratio: number; p95Ratio: number })
  | { kind: "volume"; case: string; variant: string; statements: number; buffers: number; sqlMedianMs: number; loaderMedianMs: number }
  | {
      kind: "rls";
      case: string;
      variant: string;
      userMedianMs: number;
      serviceMedianMs: number;
      ratio: number;
      /** The fastest replay as the user ÷ the fastest as service_role: steadier on a busy machine. */
      bestRatio: number;
      userBuffers: number;
      serviceBuffers: number;
      bufferRatio: number;
      sameRows: boolean;
    };

export function summarize(m: Measurement): Summary {
  if (m.kind === "http") return { ...m, p50Ratio: m.p50Ms / m.singleP50Ms, p95Ratio: m.p95Ms / m.singleP50Ms };
  if (m.kind === "rls") {
    const [u, s] = [median(m.userMs), median(m.serviceMs)];
    return {
      kind: "rls",
      case: m.case,
      variant: m.variant,
      userMedianMs: u,
      serviceMedianMs: s,
      ratio: u / s,
      bestRatio: Math.min(...m.userMs) / Math.min(...m.serviceMs),
      userBuffers: m.userBuffers,
      serviceBuffers: m.serviceBuffers,
      bufferRatio: m.serviceBuffers > 0 ? m.userBuffers / m.serviceBuffers : Number.NaN,
      sameRows: m.userRows === m.serviceRows,
    };
  }
  if (m.kind === "volume") {
    return {
      kind: "volume",
      case: m.case,
      variant: m.variant,
      statements: m.statements,
      buffers: m.buffers,
      sqlMedianMs: median(m.sqlMs),
      loaderMedianMs: median(m.loaderMs),
    };
  }
  if (m.kind === "latency") {
    return {
      kind: "latency",
      case: m.case,
      variant: m.variant,
      n: m.samples.length,
      medianMs: median(m.samples),
      p95Ms: p95(m.samples),
      requestsPerSecond: (m.samples.length / m.wallMs) * 1000,
    };
  }
  const withRls = median(m.withRls);
  const withoutRls = median(m.withoutRls);
  return {
    kind: "ratio",
    case: m.case,
    variant: m.variant,
    n: m.withRls.length,
    withRlsMedianMs: withRls,
    withoutRlsMedianMs: withoutRls,
    ratio: withRls / withoutRls,
  };
}

function cell(s: Summary | undefined): string[] {
  if (!s) return ["", "", ""];
  if (s.kind === "latency") return [ms(s.medianMs), ms(s.p95Ms), `${s.requestsPerSecond.toFixed(0)}/s`];
  if (s.kind === "http") {
    return [
      `${ms(s.singleP50Ms)} · ${s.cpuMsPerPage.toFixed(1)} ms cpu (render ${s.renderCpuMsPerPage.toFixed(1)}) · ${(s.htmlBytes / 1024).toFixed(0)} KB${s.wireBytes ? ` (${(s.wireBytes / 1024).toFixed(1)} KB sent)` : ""}`,
      `${ms(s.p50Ms)} (${s.p50Ratio.toFixed(1)}×) / ${ms(s.p95Ms)} (${s.p95Ratio.toFixed(1)}×)`,
      `${s.requestsPerSecond.toFixed(0)}/s`,
    ];
  }
  if (s.kind === "rls") {
    return [
      `${s.ratio.toFixed(2)}× (best ${s.bestRatio.toFixed(2)}×) · ${ms(s.userMedianMs)} / ${ms(s.serviceMedianMs)}`,
      s.userBuffers === 0 && s.serviceBuffers === 0 ? "–" : `${s.bufferRatio.toFixed(2)}× · ${s.userBuffers} / ${s.serviceBuffers}`,
      s.sameRows ? "same" : "DIFFER",
    ];
  }
  if (s.kind === "volume") return [`${s.statements} st · ${s.buffers} buf`, ms(s.sqlMedianMs), ms(s.loaderMedianMs)];
  return [`${s.ratio.toFixed(2)}×`, ms(s.withRlsMedianMs), ms(s.withoutRlsMedianMs)];
}

export function table(results: TargetResult[]): string {
  const keys: Array<{ case: string; variant: string; kind: Summary["kind"] }> = [];
  for (const r of results) {
    for (const m of r.measurements) {
      if (!keys.some((k) => k.case === m.case && k.variant === m.variant)) keys.push({ case: m.case, variant: m.variant, kind: m.kind });
    }
  }
  const lookup = (r: TargetResult, k: { case: string; variant: string }) => {
    const m = r.measurements.find((x) => x.case === k.case && x.variant === k.variant);
    return m ? summarize(m) : undefined;
  };
  const head = ["case", "variant"];
  const lines: string[][] = [];
  const section = (kind: Summary["kind"], subhead: string[]) => {
    const rows = keys.filter((k) => k.kind === kind);
    if (rows.length === 0) return;
    lines.push([...head, ...results.flatMap(() => subhead)]);
    for (const k of rows) lines.push([k.case, k.variant, ...results.flatMap((r) => cell(lookup(r, k)))]);
    lines.push([]);
  };
  section("latency", ["median", "p95", "thrpt"]);
  section("ratio", ["RLS ratio", "as user", "as service"]);
  section("volume", ["statements · buffers", "SQL as user", "loader alone"]);
  section("rls", ["time user÷service", "buffers user÷service", "rows"]);
  section("http", ["single p50 · cpu (render) · html", "N users p50 / p95 (÷ single)", "thrpt"]);
  const columns = 2 + results.length * 3;
  const width = Array.from({ length: columns }, (_, c) => Math.max(...lines.map((l) => (l[c] ?? "").length)));
  const groupWidth = (i: number) => width.slice(2 + i * 3, 5 + i * 3).reduce((a, b) => a + b, 0) + 4;
  const title =
    " ".repeat(width[0]! + width[1]! + 2) +
    results.map((r, i) => ` │ ${r.label.padEnd(groupWidth(i))}`).join("");
  const body = lines.map((l) => {
    if (l.length === 0) return "";
    const left = `${l[0]!.padEnd(width[0]!)}  ${l[1]!.padEnd(width[1]!)}`;
    const groups = results.map((_, i) =>
      [0, 1, 2].map((j) => (l[2 + i * 3 + j] ?? "").padStart(width[2 + i * 3 + j]!)).join("  "),
    );
    return `${left}${groups.map((g) => ` │ ${g}`).join("")}`;
  });
  return [title, ...body].join("\n").trimEnd();
}

/** The run's results as JSON (for scripts/bench-compare.ts): when, with which options, on what machine. */
export function writeResultsJson(file: string, options: unknown, results: TargetResult[]): void {
  const json = {
    at: new Date().toISOString(),
    options,
    cpus: os.cpus().length,
    loadavg: os.loadavg(),
    targets: results.map((r) => ({ label: r.label, results: r.measurements.map(summarize) })),
  };
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}
