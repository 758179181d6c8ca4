// Removes this run's temporary data directory (the app's embedded database) after the servers stop.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export default function globalTeardown() {
  const dir = process.env.TK_E2E_DIR;
  if (dir && path.dirname(dir) === os.tmpdir() && path.basename(dir).startsWith("tk-e2e-")) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
