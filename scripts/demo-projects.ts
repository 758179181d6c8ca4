// Demo Gemeinsame Projekte (issue 10), rendered into supabase/seed.sql by scripts/generate-seed.ts,
// drawn from the seed's question "Können wir gemeinsam Projekte für Kinder und Jugendliche ins
// Leben rufen?":
//   - a joint holiday programme for the children of the families the Träger support, led by
//     Kinderleicht, running with three partners (KIZ Niederrhein, Du & Ich, freiraumwohnung),
//     with updates, comments, tasks, links and key dates; Lebenshilfe Dinslaken's "Wir machen mit"
//     waits for the lead;
//   - a joint Elternkurs, an idea of Du & Ich looking for partners (richtungsWechsel is invited).
// Every step goes through the SQL functions as the person who would take it (one DO block, ids
// in variables), so partners, notifications and audit entries are what the rules produce.
import { DEMO_NETWORK, demoOrg, demoUser } from "./demo-data";

function text(value: string | null): string {
  return value === null ? "null" : `'${value.replace(/'/g, "''")}'`;
}

function as(email: string): string {
  const user = demoUser(email);
  return `perform set_config('request.jwt.claims', ${text(JSON.stringify({ sub: user.id, email: user.email, role: "authenticated" }))}, false);`;
}

const org = (slug: string) => text(demoOrg(slug).id);
const user = (email: string) => text(demoUser(email).id);
const day = (n: number) => `((now() at time zone 'Europe/Berlin')::date ${n < 0 ? "-" : "+"} ${Math.abs(n)})`;
const at = (n: number, time: string) => `((${day(n)} + time '${time}') at time zone 'Europe/Berlin')`;

export const DEMO_PROJECT_TITLES = ["Ferien am Niederrhein: ein gemeinsames Herbstferienprogramm", "Elternkurs „Starke Eltern“ trägerübergreifend"];

export function renderProjectsSql(): string {
  const network = text(DEMO_NETWORK.id);
  return `
-- Gemeinsame Projekte (docs/decisions/017): a running holiday programme with three partners, a
-- waiting "Wir machen mit", updates, tasks and key dates; and an Elternkurs idea looking for
-- partners. Every step through the SQL functions as the person who would take it.
set role authenticated;
do $demo$
declare
  ferien uuid;
  kurs uuid;
  u1 uuid;
  u2 uuid;
  u3 uuid;
begin
  ${as("koordination@kinderleicht.example")}
  ferien := public.save_project(null, ${network}, ${org("kinderleicht")},
    ${text(DEMO_PROJECT_TITLES[0]!)},
    ${text(
      "Viele Kinder der Familien, die wir ambulant begleiten, haben in den Herbstferien kein Angebot. Wir wollen " +
        "gemeinsam zwei Wochen Ferienprogramm machen: Ausflüge an den Rhein, Werkstatt, Sport, jeden Tag ein warmes " +
        "Mittagessen. Jeder Träger meldet Kinder aus seinen Familien an; die Fachkräfte kennen sie schon.",
    )},
    ${text("Kinder aus Familien mit ambulanten Hilfen (SPFH, Erziehungsbeistandschaft), Grundschulalter")},
    6, 12, array['p27','p30','p31']::text[], array['wesel','dinslaken','moers','voerde']::text[], ${day(14)}, ${day(25)},
    ${text("Jugendamt Kreis Wesel (Ferienmaßnahme), Antrag bei der Aktion Mensch für die Ausflüge")},
    ${text("Je Träger zwei Fachkräfte für mindestens drei Tage, Räume mit Küche, Kleinbus, Türkisch und Arabisch im Team")},
    true);
  ${as("koordination@kiz-niederrhein.example")}
  perform public.request_project_join(ferien, ${org("kiz-niederrhein")}, ${text("Wir bringen unsere Werkstatt in Wesel und zwei Fachkräfte mit.")});
  ${as("koordination@du-und-ich.example")}
  perform public.request_project_join(ferien, ${org("du-und-ich")}, ${text("Wir sind dabei: Kleinbus und eine Kollegin, die Türkisch spricht.")});
  ${as("koordination@freiraumwohnung.example")}
  perform public.request_project_join(ferien, ${org("freiraumwohnung")}, ${text("Gern – unser Gruppenraum in Moers hat eine Küche.")});
  ${as("koordination@kinderleicht.example")}
  perform public.decide_project_request(ferien, ${org("kiz-niederrhein")}, true, ${text("Sehr gern, die Werkstatt ist ideal.")});
  perform public.decide_project_request(ferien, ${org("du-und-ich")}, true, ${text("Willkommen!")});
  perform public.decide_project_request(ferien, ${org("freiraumwohnung")}, true, ${text("Danke, dann kochen wir in Moers.")});
  perform public.set_project_status(ferien, 'running', null, null);
  ${as("koordination@lebenshilfe-dinslaken.example")}
  perform public.request_project_join(ferien, ${org("lebenshilfe-dinslaken")}, ${text("Wir könnten inklusive Angebote für zwei Tage beisteuern.")});

  ${as("koordination@kinderleicht.example")}
  u1 := public.post_project_update(ferien, ${text("Start ist beschlossen. Bitte meldet bis Ende nächster Woche, wie viele Kinder ihr mitbringt und an welchen Tagen eure Fachkräfte können.")}, null);
  ${as("koordination@kiz-niederrhein.example")}
  perform public.comment_project_update(u1, ${text("Wir rechnen mit acht Kindern, Werkstatt an drei Tagen.")});
  ${as("koordination@du-und-ich.example")}
  perform public.comment_project_update(u1, ${text("Bei uns sechs Kinder; der Bus ist für beide Wochen reserviert.")});
  ${as("team@freiraumwohnung.example")}
  u2 := public.post_project_update(ferien, ${text("Die Küche in Moers ist für die zweite Woche frei. Speiseplan-Entwurf liegt im Link.")}, 'https://cloud.freiraumwohnung.example/s/speiseplan');
  ${as("koordination@kinderleicht.example")}
  u3 := public.post_project_update(ferien, ${text("Der Antrag beim Jugendamt ist raus. Für die Aktion Mensch brauchen wir bis Monatsende die Kostenaufstellung.")}, null);
  perform public.save_project_task(null, ferien, ${text("Kostenaufstellung für den Antrag bei der Aktion Mensch")}, ${org("kinderleicht")}, ${user("admin@kinderleicht.example")}, ${day(9)});
  perform public.save_project_task(null, ferien, ${text("Anmeldebogen für die Eltern (in einfacher Sprache, auch auf Türkisch)")}, ${org("du-und-ich")}, null, ${day(5)});
  perform public.save_project_task(null, ferien, ${text("Werkstatt-Tage planen und Material bestellen")}, ${org("kiz-niederrhein")}, ${user("team@kiz-niederrhein.example")}, ${day(12)});
  perform public.save_project_task(null, ferien, ${text("Versicherung für die Ausflüge klären")}, ${org("freiraumwohnung")}, null, ${day(2)});
  perform public.add_project_link(ferien, ${text("Gemeinsame Planungstabelle")}, 'https://cloud.kinderleicht.example/s/ferienprogramm');
  perform public.add_project_date(ferien, ${text("Planungstreffen aller Partner")}, ${at(4, "15:00")}, ${at(4, "16:30")});
  perform public.add_project_date(ferien, ${text("Erster Ferientag")}, ${at(14, "09:00")}, ${at(14, "15:00")});
  perform public.add_project_date(ferien, ${text("Abschlussfest mit den Familien")}, ${at(25, "14:00")}, ${at(25, "17:00")});

  ${as("koordination@du-und-ich.example")}
  kurs := public.save_project(null, ${network}, ${org("du-und-ich")},
    ${text(DEMO_PROJECT_TITLES[1]!)},
    ${text(
      "Ein gemeinsamer Elternkurs für Eltern aus unseren Familienhilfen: acht Abende zu Grenzen setzen, Streit " +
        "ohne Gewalt, Schule und Medien. Ein Träger allein bekommt die Gruppe selten voll; zusammen schon – und " +
        "die Eltern lernen Familien aus anderen Stadtteilen kennen.",
    )},
    ${text("Eltern von Kindern zwischen 3 und 14 Jahren, gern auch Väter")},
    null, null, array['p16','p27','p31']::text[], array['dinslaken','voerde','huenxe']::text[], ${day(60)}, ${day(120)},
    ${text("Familienbildung über das Jugendamt, vielleicht eine Stiftung für die Kinderbetreuung")},
    ${text("Eine zertifizierte Kursleitung, Räume in Dinslaken oder Voerde, Kinderbetreuung an den Abenden, Arabisch oder Türkisch")},
    true);
  perform public.invite_project_partner(kurs, ${org("richtungswechsel")}, ${text("Ihr habt doch eine Kursleiterin – hättet ihr Lust?")});
end
$demo$;
reset role;
select set_config('request.jwt.claims', '', false);

-- The demo's projects are history: their mails are not sent; the bells keep the open request,
-- the invitation and the tasks.
delete from private.outbox where payload->>'template' = 'project-news';
delete from public.notifications where kind in ('project.update', 'project.comment', 'project.partner_joined', 'project.status',
  'project.join_accepted');
-- Posted over the past days, not all at the seed's second.
update public.project_updates set created_at = now() - interval '6 days'
  where body like 'Start ist beschlossen%';
update public.project_comments set created_at = now() - interval '5 days' where body like 'Wir rechnen mit acht%';
update public.project_comments set created_at = now() - interval '4 days' where body like 'Bei uns sechs Kinder%';
update public.project_updates set created_at = now() - interval '2 days' where body like 'Die Küche in Moers%';
`;
}
