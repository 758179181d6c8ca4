// Prints the JavaScript a browser downloads on the first load of a page, gzip-compressed: the
// entry client, the root route and the page's route modules with all their imports, read from
// the Remix manifest of the production build (run `npm run build` first).
// Says "zod" behind a page whose first load contains zod's core (forms load their schema after
// hydration instead, see app/components/ui/lazy-validation.ts).
// Usage: npx tsx scripts/route-js-size.ts routes/vertretungen._index routes/kalender._index
//        npx tsx scripts/route-js-size.ts --all [--no-zod]   (every route; --no-zod: exit 1 if one has zod)
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

type Entry = { module: string; imports?: string[]; css?: string[] };
type Manifest = { entry: Entry; routes: Record<string, Entry & { parentId?: string }> };

const clientDir = path.resolve("build/client");
const assets = path.join(clientDir, "assets");
const manifestFile = fs.readdirSync(assets).find((f) => /^manifest-.*\.js$/.test(f));
if (!manifestFile) throw new Error("No build/client/assets/manifest-*.js: run npm run build first");
const text = fs.readFileSync(path.join(assets, manifestFile), "utf8");
const manifest = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as Manifest;

function files(routeId: string): Set<string> {
  const set = new Set<string>([manifest.entry.module, ...(manifest.entry.imports ?? [])]);
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) {
    const route = manifest.routes[id];
    if (!route) throw new Error(`Unknown route ${id}`);
    set.add(route.module);
    for (const i of route.imports ?? []) set.add(i);
  }
  return set;
}

const args = process.argv.slice(2);
const routeIds = args.includes("--all") ? Object.keys(manifest.routes).sort() : args.filter((a) => !a.startsWith("--"));
const withZod: string[] = [];
for (const routeId of routeIds) {
  let raw = 0;
  let gzip = 0;
  let zod = false;
  for (const file of files(routeId)) {
    const body = fs.readFileSync(path.join(clientDir, file));
    raw += body.length;
    gzip += zlib.gzipSync(body, { level: 9 }).length;
    // zod's core names its classes so; no other module does.
    if (body.includes("$ZodType")) zod = true;
  }
  if (zod) withZod.push(routeId);
  console.log(`${routeId}: ${(gzip / 1024).toFixed(1)} KB gzip (${(raw / 1024).toFixed(1)} KB raw)${zod ? " · zod" : ""}`);
}
if (args.includes("--no-zod") && withZod.length) {
  console.error(`zod in the first load of: ${withZod.join(", ")}`);
  process.exit(1);
}
