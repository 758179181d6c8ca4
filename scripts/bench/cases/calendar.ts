// Kalender: the personal iCalendar feed (/kalender/<token>.ics) of people in the bench circle
// (200 Träger, 500 meetings, 10,000 trainings, 50,000 cover requests — the seeds of the cases
// before), polled by N calendar programs at once through the route's loader: token lookup as anon,
// the entries as the person under RLS, the .ics written; a poll with the ETag (304); and the
// /kalender page's data (loadCalendarPage). Reports the feed's size and number of events too.
import { createPersonalFeed } from "../../../app/.server/calendar/subscriptions";
import { loader as feedLoader } from "../../../app/routes/kalender.$file";
import { loadCalendarPage } from "../../../app/.server/calendar/page";
import { loadEntries, feedRange } from "../../../app/.server/calendar/feed";
import { asUser } from "../../../app/.server/db/request";
import { alternate, asServiceRoleFor, concurrentUsers, timed } from "../load";
import { shared, type BenchCase, type BenchContext, type Measurement } from "../types";
import { coverBoardSeed } from "./cover-board";
import { circleSeed } from "./directory";
import { meetingsSeed } from "./meetings";
import { trainingsSeed } from "./trainings";

type Feed = { token: string; etag: string; bytes: number; events: number };

async function poll(token: string, etag?: string): Promise<Response> {
  const headers: Record<string, string> = etag ? { "If-None-Match": etag } : {};
  const request = new Request(`http://localhost:3000/kalender/${token}.ics`, { headers });
  const response = (await feedLoader({ request, params: { file: `${token}.ics` }, context: {} })) as Response;
  if (response.status !== (etag ? 304 : 200)) throw new Error(`the feed answered ${response.status}`);
  return response;
}

const feedsSeed = (ctx: BenchContext) =>
  shared(ctx, "calendar-feeds", async () => {
    await coverBoardSeed(ctx);
    await trainingsSeed(ctx);
    await meetingsSeed(ctx);
    const seed = await circleSeed(ctx);
    const feeds = new Map<string, Feed>();
    for (const user of seed.users.slice(0, ctx.options.concurrency)) {
      const token = await createPersonalFeed({ ...user, fullName: "", sessionId: "" });
      const response = await poll(token);
      const body = await response.text();
      feeds.set(user.id, {
        token,
        etag: response.headers.get("ETag")!,
        bytes: Buffer.byteLength(body),
        events: body.split("BEGIN:VEVENT").length - 1,
      });
    }
    return feeds;
  });

export const calendarCase: BenchCase = {
  name: "calendar",
  description: "Kalender: the personal .ics feed (full build, and 304 with the ETag) and /kalender, in the bench circle",
  async seed(ctx) {
    const feeds = await feedsSeed(ctx);
    const sizes = [...feeds.values()];
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    ctx.log(
      `[bench]   feeds: ${sizes.map((f) => `${f.events} events / ${kb(f.bytes)}`).join(", ")}`,
    );
  },
  async run(ctx) {
    const seed = await circleSeed(ctx);
    const feeds = await feedsSeed(ctx);
    const users = seed.users.slice(0, ctx.options.concurrency);
    const rows: Measurement[] = [];
    const sample = feeds.get(users[0]!.id)!;
    {
      const { samples, wallMs } = await concurrentUsers(users, ctx.options, async (user) => {
        const response = await poll(feeds.get(user.id)!.token);
        await response.text();
      });
      rows.push({
        kind: "latency",
        case: "calendar",
        variant: `/kalender/<token>.ics (${sample.events} events, ${(sample.bytes / 1024).toFixed(0)} KB)`,
        samples,
        wallMs,
      });
    }
    {
      const { samples, wallMs } = await concurrentUsers(users, ctx.options, async (user) => {
        const feed = feeds.get(user.id)!;
        await poll(feed.token, feed.etag);
      });
      rows.push({ kind: "latency", case: "calendar", variant: "/kalender/<token>.ics → 304 (If-None-Match)", samples, wallMs });
    }
    {
      const { samples, wallMs } = await concurrentUsers(users, ctx.options, async (user) => {
        // The page's data (the route module itself imports a stylesheet, which tsx cannot load).
        const page = await loadCalendarPage({ ...user, fullName: "", sessionId: "" }, new URL("http://localhost:3000/kalender"));
        if (page.kinds.length === 0) throw new Error("/kalender without kinds");
      });
      rows.push({ kind: "latency", case: "calendar", variant: "/kalender (Monat)", samples, wallMs });
    }
    {
      // The entries' SQL (every source, the feed's window) as the user vs as service_role.
      const range = feedRange();
      const read = (tx: Parameters<typeof loadEntries>[0], user: { id: string }) =>
        loadEntries(tx, { kind: "person", userId: user.id }, range);
      const { a, b } = await alternate(
        ctx.options.sqlIterations,
        Math.min(20, ctx.options.sqlIterations),
        (i) => {
          const user = users[i % users.length]!;
          return asUser(user, (tx) => timed(() => read(tx, user)));
        },
        (i) => {
          const user = users[i % users.length]!;
          return asServiceRoleFor(user, (tx) => timed(() => read(tx, user)));
        },
      );
      rows.push({ kind: "ratio", case: "calendar SQL", variant: "Einträge einer Person (alle Quellen)", withRls: a, withoutRls: b });
    }
    return rows;
  },
};
