// Demo Kooperationstreffen, rendered into supabase/seed.sql by scripts/generate-seed.ts:
//   - the Kooperationstreffen of Wednesday 19 August 2026 in Schermbeck, as held: the seed's themes
//     as agenda items, RSVPs, minutes written by the Protokollant, circulated and approved by the
//     host — so the decisions register holds three decisions and three action items are open;
//   - the next meeting: a date poll among three dates (votes from several Träger), closed by the
//     host, which created the meeting with the approval of the August minutes and the open action
//     items as its first items; some RSVPs, a topic proposal, and two guests from the public page.
// The held meeting's rows are written directly (its date lies in the past, which the functions
// refuse for a new meeting); everything after that goes through the SQL functions as the person
// who would act.
import { DEMO_NETWORK, demoOrg, demoUser } from "./demo-data";

export const DEMO_HELD_MEETING_ID = "d7000000-0000-4000-8000-000000000001";
export const DEMO_POLL_ID = "d7100000-0000-4000-8000-000000000001";

const HOST = "freiraumwohnung";
const HOST_COORD = "koordination@freiraumwohnung.example";
const PROTOKOLLANT = "koordination@kiz-niederrhein.example";

function text(value: string | null): string {
  return value === null ? "null" : `'${value.replace(/'/g, "''")}'`;
}

function actAs(email: string): string {
  const user = demoUser(email);
  return `select set_config('request.jwt.claims', ${text(JSON.stringify({ sub: user.id, email: user.email, role: "authenticated" }))}, false);`;
}

function agendaId(n: number): string {
  return `d7200000-0000-4000-8000-${String(n).padStart(12, "0")}`;
}

// The themes of the seed's invitation, in its order.
const THEMES: Array<{
  title: string;
  description: string;
  presenter: string | null;
  minutes: number;
}> = [
  {
    title: "Kontakt zu Familien in Krisenzeiten",
    description:
      "Erreichbarkeit, Hausbesuche, digitale Wege – was hat sich bewährt?",
    presenter: "du-und-ich",
    minutes: 25,
  },
  {
    title: "Kindeswohlgefährdung (§ 8a SGB VIII)",
    description:
      "Abläufe der Träger, insoweit erfahrene Fachkräfte, Austausch über Schutzkonzepte.",
    presenter: "kiz-niederrhein",
    minutes: 25,
  },
  {
    title: "Gemeinsame Projekte",
    description:
      "Ideen für Projekte, die ein Träger allein nicht stemmen kann.",
    presenter: "richtungswechsel",
    minutes: 20,
  },
  {
    title: "Gemeinsame Fortbildungen",
    description: "Themen und Termine für das Herbstprogramm.",
    presenter: "kiz-niederrhein",
    minutes: 15,
  },
  {
    title: "Zusammenarbeit mit den Jugendämtern",
    description:
      "Erfahrungen mit den Jugendämtern in Wesel, Duisburg und Oberhausen.",
    presenter: null,
    minutes: 20,
  },
  {
    title: "Fachkräftemangel",
    description:
      "Gewinnung und Bindung von Fachkräften, gemeinsame Ausbildung.",
    presenter: "kinderleicht",
    minutes: 20,
  },
  {
    title: "Vertretung in Notsituationen",
    description:
      "Können wir uns trägerübergreifend unterstützen und vertreten?",
    presenter: HOST,
    minutes: 25,
  },
];

const NOTES = [
  "Austausch zu Erreichbarkeit und Hausbesuchen in Krisenzeiten. Mehrere Träger berichten, dass feste Telefonzeiten und kurze Videotermine Familien entlasten.",
  "Anonymisierte Fallberatung (§ 64 Abs. 2a SGB VIII): ein Jugendlicher (14–16 J.) in einer ambulanten Hilfe; Fragestellung war die Einbeziehung der insoweit erfahrenen Fachkraft. Anregungen aus dem Kreis wurden gesammelt.",
  "Erste Ideen: ein gemeinsamer Fachtag und ein Projekt zur Elternarbeit im ländlichen Raum.",
  "Das Herbstprogramm soll mindestens eine gemeinsame Fortbildung zum Kinderschutz enthalten.",
  "Der Kreis möchte die Jugendämter zu einem der nächsten Treffen einladen.",
  "Die Träger tauschen Erfahrungen mit Stellenausschreibungen und Praxissemestern aus.",
  "Die Träger wollen sich bei Ausfällen gegenseitig vertreten; die Vertretungsbörse der Plattform wird ab sofort erprobt.",
];

export function renderMeetingsSql(): string {
  const network = DEMO_NETWORK.id;
  const host = demoOrg(HOST).id;
  const heldStart = `(timestamp '2026-08-19 15:00' at time zone 'Europe/Berlin')`;
  const heldEnd = `(timestamp '2026-08-19 17:30' at time zone 'Europe/Berlin')`;
  const attendees: Array<[string, "zusage" | "absage"]> = [
    [HOST_COORD, "zusage"],
    ["admin@freiraumwohnung.example", "zusage"],
    [PROTOKOLLANT, "zusage"],
    ["koordination@du-und-ich.example", "zusage"],
    ["admin@richtungswechsel.example", "zusage"],
    ["koordination@kinderleicht.example", "zusage"],
    ["koordination@lebenshilfe-dinslaken.example", "zusage"],
    ["team@kinderleicht.example", "absage"],
  ];
  const org = (email: string) => demoOrg(demoUser(email).orgSlug!).id;
  const items = THEMES.map((t, i) => ({
    agenda_item_id: agendaId(i + 1),
    title: t.title,
    notes: NOTES[i]!,
    decisions:
      i === 3
        ? [
            "Der Kreis bietet im Herbst gemeinsam die Fortbildung „Kinderschutz nach § 8a SGB VIII“ an; KIZ Niederrhein organisiert sie.",
          ]
        : i === 4
          ? [
              "Die Jugendämter Kreis Wesel, Duisburg und Oberhausen werden zum nächsten Kooperationstreffen eingeladen.",
            ]
          : i === 6
            ? [
                "Die Träger vertreten sich in Notsituationen gegenseitig und nutzen dafür die Vertretungsbörse des Trägerkreises.",
              ]
            : [],
    actions:
      i === 3
        ? [
            {
              title:
                "Fortbildung „Kinderschutz nach § 8a“ im Trägerkreis ausschreiben",
              owner_org_id: demoOrg("kiz-niederrhein").id,
              owner_user_id: demoUser(PROTOKOLLANT).id,
              due_date: "DUE1",
            },
          ]
        : i === 4
          ? [
              {
                title: "Einladung an die Jugendämter formulieren und versenden",
                owner_org_id: demoOrg("du-und-ich").id,
                owner_user_id: null,
                due_date: "DUE2",
              },
            ]
          : i === 2
            ? [
                {
                  title:
                    "Skizze für einen gemeinsamen Fachtag 2027 vorbereiten",
                  owner_org_id: demoOrg("richtungswechsel").id,
                  owner_user_id: null,
                  due_date: "DUE3",
                },
              ]
            : [],
  }));
  const content = JSON.stringify({
    attendance:
      "freiraumwohnung GmbH, KIZ Niederrhein, Du & Ich e. V., richtungsWechsel, Kinderleicht, Lebenshilfe Dinslaken e. V.",
    items,
  });
  // Due dates relative to the seed's day, so the action items stay open and ahead.
  const dueDay = (days: number) =>
    `' || to_char((now() at time zone 'Europe/Berlin')::date + ${days}, 'YYYY-MM-DD') || '`;
  const contentSql = `(${text(content)
    .replace("DUE1", dueDay(14))
    .replace("DUE2", dueDay(21))
    .replace("DUE3", dueDay(45))})::jsonb`;
  // The Wednesday on or after the seed's day + `days` (the circle meets on Wednesdays).
  const pollDay = (days: number) => {
    const d = `((now() at time zone 'Europe/Berlin')::date + ${days})`;
    return `to_char(${d} + ((10 - extract(isodow from ${d})::int) % 7), 'YYYY-MM-DD')`;
  };

  return `
-- Kooperationstreffen (scripts/demo-meetings.ts): the meeting of 19 August 2026 in Schermbeck as
-- held, with approved minutes; then the next meeting from a date poll among three dates.
insert into public.meetings (id, network_id, host_org_id, created_by, title, description, place, gemeinde,
  starts_at, ends_at, guests_welcome, protokollant_id, created_at) values
  (${text(DEMO_HELD_MEETING_ID)}, ${text(network)}, ${text(host)}, ${text(demoUser(HOST_COORD).id)}, 'Kooperationstreffen',
   ${text("Das Kooperations-Treffen findet statt am Mittwoch, 19. August, in Schermbeck. Interessierte Träger können sich melden.")},
   'freiraumwohnung GmbH, Mittelstraße 21', 'schermbeck', ${heldStart}, ${heldEnd}, true, ${text(demoUser(PROTOKOLLANT).id)},
   ${heldStart} - interval '30 days');
insert into public.agenda_items (id, network_id, meeting_id, kind, status, position, title, description, presenter_org_id, minutes_planned) values
${THEMES.map((t, i) => `  (${text(agendaId(i + 1))}, ${text(network)}, ${text(DEMO_HELD_MEETING_ID)}, 'topic', 'scheduled', ${i + 1}, ${text(t.title)}, ${text(t.description)}, ${t.presenter ? text(demoOrg(t.presenter).id) : "null"}, ${t.minutes})`).join(",\n")};
insert into public.meeting_rsvps (meeting_id, user_id, org_id, answer, is_delegate) values
${attendees.map(([email, answer], i) => `  (${text(DEMO_HELD_MEETING_ID)}, ${text(demoUser(email).id)}, ${text(org(email))}, '${answer}', ${i !== 1 && answer === "zusage"})`).join(",\n")};
update public.meetings set rsvp_yes = ${attendees.filter(([, a]) => a === "zusage").length}, rsvp_no = ${attendees.filter(([, a]) => a === "absage").length},
  rsvp_orgs = ${new Set(attendees.filter(([, a]) => a === "zusage").map(([e]) => org(e))).size}
  where id = ${text(DEMO_HELD_MEETING_ID)};

-- The minutes: written by the Protokollant, circulated, approved by the host.
${actAs(PROTOKOLLANT)}
select public.save_minutes(${text(DEMO_HELD_MEETING_ID)}, ${contentSql}, 0, 'Erste Fassung');
select public.circulate_minutes(${text(DEMO_HELD_MEETING_ID)}, 7);
${actAs("koordination@du-und-ich.example")}
select public.comment_minutes(${text(DEMO_HELD_MEETING_ID)}, 'Danke für das Protokoll – aus unserer Sicht vollständig.');
${actAs(HOST_COORD)}
select public.approve_minutes(${text(DEMO_HELD_MEETING_ID)});
update public.minutes_versions set created_at = ${heldStart} + interval '2 days' where meeting_id = ${text(DEMO_HELD_MEETING_ID)};
update public.minutes set circulated_at = ${heldStart} + interval '2 days', comments_until = ${heldStart} + interval '9 days',
  approved_at = ${heldStart} + interval '10 days' where meeting_id = ${text(DEMO_HELD_MEETING_ID)};
update public.minutes_comments set created_at = ${heldStart} + interval '3 days' where meeting_id = ${text(DEMO_HELD_MEETING_ID)};
update public.decisions set created_at = ${heldStart} + interval '10 days' where meeting_id = ${text(DEMO_HELD_MEETING_ID)};

-- The next meeting: a date poll among three dates, votes from several Träger, closed by the host.
insert into public.date_polls (id, network_id, host_org_id, created_by, title, description, place, gemeinde, duration_minutes, deadline, previous_meeting_id)
  values (${text(DEMO_POLL_ID)}, ${text(network)}, ${text(host)}, ${text(demoUser(HOST_COORD).id)}, 'Kooperationstreffen',
  'Das nächste Kooperationstreffen – mit den Jugendämtern als Gästen.', 'freiraumwohnung GmbH, Mittelstraße 21', 'schermbeck', 150,
  now() + interval '7 days', ${text(DEMO_HELD_MEETING_ID)});
insert into public.poll_options (poll_id, position, day, start_time) values
  (${text(DEMO_POLL_ID)}, 1, (${pollDay(21)})::date, '15:00'),
  (${text(DEMO_POLL_ID)}, 2, (${pollDay(28)})::date, '15:00'),
  (${text(DEMO_POLL_ID)}, 3, (${pollDay(35)})::date, '10:00');
${[
  ["koordination@kiz-niederrhein.example", ["ja", "ja", "nein"]],
  ["koordination@du-und-ich.example", ["nein", "ja", "wenn_noetig"]],
  ["admin@richtungswechsel.example", ["wenn_noetig", "ja", "ja"]],
  ["koordination@kinderleicht.example", ["ja", "wenn_noetig", "nein"]],
  ["koordination@lebenshilfe-dinslaken.example", ["nein", "ja", "ja"]],
]
  .map(
    ([email, answers]) =>
      `${actAs(email as string)}\nselect public.vote_date_poll(${text(DEMO_POLL_ID)}, jsonb_build_object(${(
        answers as string[]
      )
        .map(
          (a, i) =>
            `(select id::text from public.poll_options where poll_id = ${text(DEMO_POLL_ID)} and position = ${i + 1}), '${a}'`,
        )
        .join(", ")}));`,
  )
  .join("\n")}
${actAs(HOST_COORD)}
select public.close_date_poll(${text(DEMO_POLL_ID)}, (select id from public.poll_options where poll_id = ${text(DEMO_POLL_ID)} and position = 2));
select public.save_agenda_item(null, (select meeting_id from public.date_polls where id = ${text(DEMO_POLL_ID)}),
  'Bericht aus den Jugendämtern', 'Gäste aus den Jugendämtern berichten.', null, 30, null);
select public.save_agenda_item(null, (select meeting_id from public.date_polls where id = ${text(DEMO_POLL_ID)}),
  'Erfahrungen mit der Vertretungsbörse', 'Was hat funktioniert, was fehlt?', ${text(host)}, 20, null);
${[
  ["koordination@kiz-niederrhein.example", "zusage", true],
  ["team@kiz-niederrhein.example", "zusage", false],
  ["koordination@du-und-ich.example", "zusage", true],
  ["admin@richtungswechsel.example", "vielleicht", false],
  ["koordination@kinderleicht.example", "absage", false],
  ["admin@freiraumwohnung.example", "zusage", false],
]
  .map(
    ([email, answer, delegate]) =>
      `${actAs(email as string)}\nselect public.set_rsvp((select meeting_id from public.date_polls where id = ${text(DEMO_POLL_ID)}), '${answer}', null, ${delegate});`,
  )
  .join("\n")}
${actAs("team@lebenshilfe-dinslaken.example")}
select public.propose_topic((select meeting_id from public.date_polls where id = ${text(DEMO_POLL_ID)}),
  'Gemeinsamer Fachtag 2027', 'Vorschlag: ein Fachtag des Kreises zum Thema Elternarbeit.', 20);
select set_config('request.jwt.claims', '', false);
select public.register_meeting_guest((select meeting_id from public.date_polls where id = ${text(DEMO_POLL_ID)}),
  'Marlies ter Hoeven', 'Jugendhilfe Rheinberg gGmbH', 'm.terhoeven@jugendhilfe-rheinberg.example');
select public.register_meeting_guest((select meeting_id from public.date_polls where id = ${text(DEMO_POLL_ID)}),
  'Deniz Demir', 'Brückenschlag Oberhausen', 'demir@brueckenschlag.example');

-- The demo's meeting history sends no mail; the bells keep what a member would have seen.
delete from private.outbox where payload->>'template' in ('meeting-notice', 'meeting-news');
`;
}
