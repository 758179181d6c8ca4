// Preloaded into a production server by `scripts/bench-render.ts --cwd` (node --import): the CPU
// (user + system, process.cpuUsage: every thread of the process, so the compressor's and the GC's
// too) from the start of one request to the start of the next, by the first request's URL. With
// one request at a time that is the request's whole cost, including what it leaves for later
// (garbage, the socket's tail). `GET /__bench_cpu` answers the samples so far (and forgets them);
// the request before it is closed by it.
import http from "node:http";

/** @type {Array<[string, number]>} */
let samples = [];
/** @type {{ url: string; cpu: NodeJS.CpuUsage } | null} */
let open = null;

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, ...args) {
  if (event !== "request") return emit.call(this, event, ...args);
  const cpu = process.cpuUsage();
  if (open) {
    const used = process.cpuUsage(open.cpu);
    samples.push([open.url, (used.user + used.system) / 1000]);
  }
  const [req, res] = /** @type {[http.IncomingMessage, http.ServerResponse]} */ (args);
  if (req.url === "/__bench_cpu") {
    open = null;
    const body = JSON.stringify(samples);
    samples = [];
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(body);
    return true;
  }
  open = { url: req.url ?? "", cpu };
  return emit.call(this, event, ...args);
};
