// Compares two `npm run bench -- --json <file>` runs row by row: the "flat with data" check of
// issue 14 (the same pages at --scale 1 and --scale 10), or before/after a change.
//
//   npx tsx scripts/bench-compare.ts base.json other.json [more.json …]
//
// For every row of the base run that the others have too: the base figure and each other run's
// figure with its ratio to the base (volume rows: buffers, SQL and loader medians; latency rows:
// median; ratio rows: the RLS ratio; http rows: single-client p50). Exit code 0 always: this reads,
// it does not judge.
import fs from "node:fs";
import type { Summary } from "./bench/report";

type Run = { options: { scale: number }; loadavg: number[]; targets: Array<{ label: string; results: Summary[] }> };

const files = process.argv.slice(2);
if (files.length < 2) {
  console.error("usage: npx tsx scripts/bench-compare.ts base.json other.json [more.json …]");
  process.exit(2);
}
const runs = files.map((file) => JSON.parse(fs.readFileSync(file, "utf8")) as Run);

function figures(s: Summary): Array<[string, number]> {
  switch (s.kind) {
    case "volume":
      return [
        ["buffers", s.buffers],
        ["SQL ms", s.sqlMedianMs],
        ["loader ms", s.loaderMedianMs],
      ];
    case "latency":
      return [["median ms", s.medianMs]];
    case "ratio":
      return [["RLS ratio", s.ratio]];
    case "http":
      return [["single p50 ms", s.singleP50Ms]];
    case "rls":
      return [
        ["RLS ratio", s.ratio],
        ["best-of ratio", s.bestRatio],
        ["buffer ratio", s.bufferRatio],
        ["buffers as user", s.userBuffers],
      ];
  }
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));

console.log(
  runs.map((r, i) => `run ${i}: ${files[i]} · scale ${r.options.scale} · load ${r.loadavg[0]!.toFixed(1)}`).join("\n"),
);
for (const target of runs[0]!.targets) {
  console.log(`\n${target.label}`);
  for (const base of target.results) {
    const others = runs.slice(1).map((r) =>
      r.targets.find((t) => t.label.split(" ")[0] === target.label.split(" ")[0])?.results.find(
        (x) => x.kind === base.kind && x.case === base.case && x.variant === base.variant,
      ),
    );
    if (others.every((o) => !o)) continue;
    for (const [name, value] of figures(base)) {
      const cells = others.map((o) => {
        const v = o ? figures(o).find(([n]) => n === name)?.[1] : undefined;
        return v === undefined ? "–" : `${fmt(v)} (${(v / value).toFixed(2)}×)`;
      });
      console.log(`  ${`${base.case} · ${base.variant}`.padEnd(64)} ${name.padEnd(13)} ${fmt(value).padStart(9)}  ${cells.join("  ")}`);
    }
  }
}
