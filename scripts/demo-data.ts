// The demo circle, in one place: scripts/generate-seed.ts writes supabase/seed.sql and the README's
// sign-in table from it, the dev server prints its sign-ins at start, and tests refer to its fixed
// ids. The six Träger are the ones named in the press text (seeds/001); their profiles, addresses,
// phone numbers and people are invented for the demo. Addresses use `.example` (RFC 2606), phone
// numbers have a local part starting with 0, which no German line has.
import type { LegalForm, OrgKind, OrgRole } from "../app/.server/db/schema";
import type { NotificationKindName } from "../app/i18n/notifications";

export const DEMO_PASSWORD = "Traegerkreis-Demo-2026";

export type DemoNetwork = {
  id: string;
  slug: string;
  name: string;
  region: string;
  description: string;
  publicPage: boolean;
  contactEmail: string;
  contactPhone: string;
  createdDaysAgo: number;
};

export type DemoOrg = {
  id: string;
  slug: string;
  name: string;
  kind: OrgKind;
  legalForm: LegalForm;
  leitbild: string;
  /** Codes of public.hilfearten. */
  hilfearten: string[];
  /** Codes of public.gemeinden. */
  gemeinden: string[];
  street: string;
  postalCode: string;
  city: string;
  phone: string;
  email: string;
  website: string;
  networkRole: "member" | "coordinator";
  /** network_members.joined_at, days before the seed runs ("Neu im Kreis" orders by it). */
  joinedDaysAgo: number;
};

export type DemoUser = {
  id: string;
  email: string;
  fullName: string;
  /** null: an account without a Träger (signs up, may create one or ask to join). */
  orgSlug: string | null;
  role: OrgRole | null;
  /** Set for Ansprechpersonen (org_members.is_contact_person), shown to the circle. */
  contactTitle: string | null;
  phone: string | null;
  qualifications: string;
  languages: string[];
  createdDaysAgo: number;
};

export type DemoJoinRequest = {
  id: string;
  orgName: string;
  contactName: string;
  email: string;
  phone: string | null;
  message: string;
  createdDaysAgo: number;
};

export type DemoNotification = {
  id: string;
  userEmail: string;
  kind: NotificationKindName;
  /** The facts the app writes the text from (app/i18n/notifications.ts). */
  data: Record<string, unknown>;
  link: string;
  createdDaysAgo: number;
  /** null: unread. */
  readDaysAgo: number | null;
};

export const DEMO_NETWORK: DemoNetwork = {
  id: "d0000000-0000-4000-8000-000000000001",
  slug: "kooperationskreis-wesel",
  name: "Kooperationskreis Wesel · Duisburg · Oberhausen",
  region: "Kreis Wesel, Duisburg und Oberhausen",
  description: [
    "Wir sind freie Träger der ambulanten Kinder- und Jugendhilfe aus dem Kreis Wesel, aus Duisburg und aus Oberhausen. " +
      "Unsere Fachkräfte arbeiten mit Familien in deren Zuhause und sind dafür viel unterwegs – oft dorthin, wo es gerade brennt.",
    "Im Kreis helfen wir einander aus, wenn bei einem Träger Personal fehlt, organisieren gemeinsame Fortbildungen für " +
      "Mitarbeitende und für Familien und stoßen Projekte an, die ein Träger allein nicht stemmen könnte. Jeder Träger " +
      "behält dabei sein eigenes Konzept: Familien sind verschieden, und die Jugendhilfe in unserer Region soll es auch bleiben.",
    "Wir treffen uns regelmäßig, reihum bei einem der Träger. Träger der Kinder- und Jugendhilfe, die mitmachen möchten, " +
      "sind herzlich eingeladen, sich bei uns zu melden.",
  ].join("\n\n"),
  publicPage: true,
  contactEmail: "kontakt@freiraumwohnung.example",
  contactPhone: "02853 0912-30",
  createdDaysAgo: 210,
};

export const DEMO_ORGS: DemoOrg[] = [
  {
    id: "d1000000-0000-4000-8000-000000000001",
    slug: "richtungswechsel",
    name: "richtungsWechsel",
    kind: "freier_traeger",
    legalForm: "gbr",
    leitbild:
      "Junge Menschen an einem Wendepunkt brauchen Erwachsene, die bleiben, auch wenn es schwierig wird. " +
      "Wir begleiten Jugendliche und junge Volljährige dort, wo sie leben, und nehmen ihre eigenen Ziele ernst. " +
      "Ein Richtungswechsel gelingt nicht auf Anordnung, sondern wenn jemand für sich einen neuen Weg entdeckt – " +
      "ein Stück davon gehen wir mit. Wer mit uns arbeitet, hat eine feste Bezugsperson und weiß, wie sie erreichbar ist.",
    hilfearten: ["p8a", "p27", "p30", "p35", "p41"],
    gemeinden: ["duisburg", "oberhausen", "dinslaken", "voerde"],
    street: "Weseler Straße 118",
    postalCode: "47169",
    city: "Duisburg",
    phone: "0203 0417-20",
    email: "kontakt@richtungswechsel.example",
    website: "https://richtungswechsel.example",
    networkRole: "member",
    joinedDaysAgo: 196,
  },
  {
    id: "d1000000-0000-4000-8000-000000000002",
    slug: "kiz-niederrhein",
    name: "KIZ Niederrhein",
    kind: "freier_traeger",
    legalForm: "ggmbh",
    leitbild:
      "Kinder haben ein Recht darauf, ohne Gewalt aufzuwachsen – dafür arbeiten wir am linken Niederrhein. " +
      "Wir unterstützen Familien in belasteten Lebenslagen früh, bevor aus Sorgen Krisen werden. " +
      "Als insoweit erfahrene Fachkräfte beraten wir Kitas, Schulen und andere Träger, wenn sie eine Gefährdung einschätzen müssen. " +
      "Eltern begegnen wir mit Respekt: Wer sich Hilfe holt, übernimmt Verantwortung. " +
      "Was wir in der Praxis lernen, geben wir an Kolleginnen und Kollegen weiter, denn im Kinderschutz lernt niemand allein.",
    hilfearten: ["p8a", "p16", "p18", "p28", "p31"],
    gemeinden: ["moers", "kamp-lintfort", "neukirchen-vluyn", "rheinberg", "alpen", "duisburg"],
    street: "Homberger Straße 42",
    postalCode: "47441",
    city: "Moers",
    phone: "02841 0388-0",
    email: "kontakt@kiz-niederrhein.example",
    website: "https://kiz-niederrhein.example",
    networkRole: "member",
    joinedDaysAgo: 168,
  },
  {
    id: "d1000000-0000-4000-8000-000000000003",
    slug: "du-und-ich",
    name: "Du & Ich e. V.",
    kind: "freier_traeger",
    legalForm: "e_v",
    leitbild:
      "Unser Name ist unser Programm: Hilfe gelingt nur in einer Beziehung, die beide Seiten ernst nehmen. " +
      "Wir stärken Eltern darin, ihren Kindern Halt zu geben, und Kinder darin, ihre eigene Stimme zu finden. " +
      "In unseren Gruppen erleben Kinder, dass sie dazugehören und etwas beitragen können. " +
      "Als Verein sind wir in Oberhausen verwurzelt und arbeiten eng mit Schulen, Kitas und Nachbarschaften zusammen. " +
      "Wir hören zu, bevor wir Vorschläge machen.",
    hilfearten: ["p16", "p18", "p29", "p31", "p32"],
    gemeinden: ["oberhausen", "duisburg", "dinslaken"],
    street: "Marktstraße 87",
    postalCode: "46045",
    city: "Oberhausen",
    phone: "0208 0629-14",
    email: "kontakt@du-und-ich.example",
    website: "https://du-und-ich.example",
    networkRole: "member",
    joinedDaysAgo: 121,
  },
  {
    id: "d1000000-0000-4000-8000-000000000004",
    slug: "freiraumwohnung",
    name: "freiraumwohnung GmbH",
    kind: "freier_traeger",
    legalForm: "gmbh",
    leitbild:
      "Wir verstehen soziale Arbeit als Handwerk: sorgfältig, praktisch und mit einem Blick dafür, was im Alltag trägt. " +
      "Junge Menschen begleiten wir auf dem Weg in die eigene Wohnung, Familien in ihrem Zuhause – mit Hilfen, " +
      "die sich nach ihrem Leben richten und nicht umgekehrt. " +
      "Freiraum heißt für uns, Verantwortung zuzutrauen und Entwicklung Zeit zu lassen. " +
      "Unsere Fachkräfte kennen die Wege zwischen Hof, Schule und Amt im ländlichen Kreis Wesel ebenso wie im Ruhrgebiet.",
    hilfearten: ["p27", "p30", "p31", "p34", "p35", "p41"],
    gemeinden: ["schermbeck", "huenxe", "hamminkeln", "wesel", "dinslaken", "voerde"],
    street: "Mittelstraße 21",
    postalCode: "46514",
    city: "Schermbeck",
    phone: "02853 0912-30",
    email: "kontakt@freiraumwohnung.example",
    website: "https://freiraumwohnung.example",
    networkRole: "coordinator",
    joinedDaysAgo: 205,
  },
  {
    id: "d1000000-0000-4000-8000-000000000005",
    slug: "kinderleicht",
    name: "Kinderleicht",
    kind: "freier_traeger",
    legalForm: "ug",
    leitbild:
      "Erziehung ist selten kinderleicht – gerade deshalb soll Hilfe leicht zu bekommen sein. " +
      "Wir unterstützen Familien mit Säuglingen und kleinen Kindern, junge Eltern und Alleinerziehende. " +
      "Dabei setzen wir an dem an, was Eltern schon gut können, und bauen darauf auf. " +
      "Mit Elternkursen, aufsuchender Familienhilfe und begleitetem Umgang sorgen wir dafür, dass Kinder verlässliche Bindungen erleben. " +
      "Wir erklären, was wir tun und warum – in einfacher Sprache und, wenn nötig, mit Dolmetscherin.",
    hilfearten: ["p8a", "p16", "p18", "p19", "p31"],
    gemeinden: ["wesel", "hamminkeln", "xanten", "sonsbeck", "alpen", "voerde"],
    street: "Am Lippeglacis 9",
    postalCode: "46483",
    city: "Wesel",
    phone: "0281 0275-60",
    email: "kontakt@kinderleicht.example",
    website: "https://kinderleicht.example",
    networkRole: "member",
    joinedDaysAgo: 58,
  },
  {
    id: "d1000000-0000-4000-8000-000000000006",
    slug: "lebenshilfe-dinslaken",
    name: "Lebenshilfe Dinslaken e. V.",
    kind: "freier_traeger",
    legalForm: "e_v",
    leitbild:
      "Jedes Kind gehört dazu – mit oder ohne Behinderung. " +
      "Wir begleiten Kinder und Jugendliche mit Beeinträchtigungen und ihre Familien, damit Teilhabe im Alltag gelingt: " +
      "in der Kita, in der Schule und in der Freizeit. " +
      "Eltern sind für uns die Fachleute für ihr Kind; wir bringen unser Wissen dazu und halten die Fäden zwischen Ämtern, " +
      "Praxen und Schule zusammen. " +
      "Gegründet von Eltern, wissen wir, wie viel Kraft der Alltag kosten kann, und entlasten auch Geschwister und Familien.",
    hilfearten: ["p16", "p29", "p31", "p35a"],
    gemeinden: ["dinslaken", "voerde", "huenxe", "schermbeck"],
    street: "Hans-Böckler-Straße 30",
    postalCode: "46535",
    city: "Dinslaken",
    phone: "02064 0551-0",
    email: "kontakt@lebenshilfe-dinslaken.example",
    website: "https://lebenshilfe-dinslaken.example",
    networkRole: "member",
    joinedDaysAgo: 19,
  },
];

type Person = Pick<DemoUser, "fullName" | "contactTitle" | "phone" | "qualifications" | "languages">;

function team(
  orgIndex: number,
  slug: string,
  createdDaysAgo: number,
  people: { admin: Person; coordinator: Person; member: Person },
): DemoUser[] {
  const id = (n: number) => `d2000000-0000-4000-8000-000000000${orgIndex}0${n}`;
  return [
    { id: id(1), email: `admin@${slug}.example`, orgSlug: slug, role: "owner", createdDaysAgo, ...people.admin },
    {
      id: id(2),
      email: `koordination@${slug}.example`,
      orgSlug: slug,
      role: "coordinator",
      createdDaysAgo: createdDaysAgo - 1,
      ...people.coordinator,
    },
    {
      id: id(3),
      email: `team@${slug}.example`,
      orgSlug: slug,
      role: "member",
      createdDaysAgo: createdDaysAgo - 2,
      ...people.member,
    },
  ];
}

export const DEMO_USERS: DemoUser[] = [
  ...team(1, "richtungswechsel", 200, {
    admin: {
      fullName: "Tobias Brandt",
      contactTitle: "Geschäftsführung",
      phone: "0203 0417-21",
      qualifications: "Dipl.-Sozialpädagoge, systemischer Berater (DGSF)",
      languages: ["Deutsch", "Englisch"],
    },
    coordinator: {
      fullName: "Aylin Kaya",
      contactTitle: "Koordination Erziehungsbeistandschaften",
      phone: "0203 0417-22",
      qualifications: "B.A. Soziale Arbeit, insoweit erfahrene Fachkraft (§ 8a)",
      languages: ["Deutsch", "Türkisch"],
    },
    member: {
      fullName: "Jonas Lehmkuhl",
      contactTitle: null,
      phone: null,
      qualifications: "B.A. Soziale Arbeit, Erlebnispädagoge",
      languages: ["Deutsch", "Englisch"],
    },
  }),
  ...team(2, "kiz-niederrhein", 172, {
    admin: {
      fullName: "Dr. Ursula Hendricks",
      contactTitle: "Einrichtungsleitung",
      phone: "02841 0388-10",
      qualifications: "Dipl.-Psychologin, Kinder- und Jugendlichenpsychotherapeutin",
      languages: ["Deutsch", "Niederländisch"],
    },
    coordinator: {
      fullName: "Katrin Vos",
      contactTitle: "Fachberatung Kinderschutz",
      phone: "02841 0388-12",
      qualifications: "Dipl.-Sozialpädagogin, insoweit erfahrene Fachkraft (§ 8a)",
      languages: ["Deutsch"],
    },
    member: {
      fullName: "Paweł Nowak",
      contactTitle: null,
      phone: null,
      qualifications: "M.A. Soziale Arbeit, Familientherapeut in Weiterbildung",
      languages: ["Deutsch", "Polnisch"],
    },
  }),
  ...team(3, "du-und-ich", 125, {
    admin: {
      fullName: "Heike Schürmann",
      contactTitle: "Vorstand",
      phone: "0208 0629-15",
      qualifications: "Erzieherin, Dipl.-Heilpädagogin",
      languages: ["Deutsch"],
    },
    coordinator: {
      fullName: "Mehmet Yıldız",
      contactTitle: "Koordination Gruppenangebote",
      phone: "0208 0629-16",
      qualifications: "B.A. Soziale Arbeit, Anti-Aggressivitäts-Trainer",
      languages: ["Deutsch", "Türkisch", "Kurdisch"],
    },
    member: {
      fullName: "Lena Overbeck",
      contactTitle: null,
      phone: null,
      qualifications: "Staatlich anerkannte Erzieherin, Fachkraft für Bindungspädagogik",
      languages: ["Deutsch", "Englisch"],
    },
  }),
  ...team(4, "freiraumwohnung", 208, {
    admin: {
      fullName: "Christoph Terlinden",
      contactTitle: "Geschäftsführung",
      phone: "02853 0912-31",
      qualifications: "Dipl.-Sozialarbeiter, Tischlergeselle",
      languages: ["Deutsch", "Englisch"],
    },
    coordinator: {
      fullName: "Sandra Evers",
      contactTitle: "Koordination ambulante Hilfen",
      phone: "02853 0912-32",
      qualifications: "Dipl.-Sozialpädagogin, insoweit erfahrene Fachkraft (§ 8a)",
      languages: ["Deutsch", "Englisch"],
    },
    member: {
      fullName: "Nils Rademacher",
      contactTitle: null,
      phone: null,
      qualifications: "B.A. Soziale Arbeit, Führerschein Klasse B",
      languages: ["Deutsch"],
    },
  }),
  ...team(5, "kinderleicht", 62, {
    admin: {
      fullName: "Julia Hoffmann-Berg",
      contactTitle: "Geschäftsführung",
      phone: "0281 0275-61",
      qualifications: "M.A. Soziale Arbeit, Marte-Meo-Therapeutin",
      languages: ["Deutsch", "Englisch"],
    },
    coordinator: {
      fullName: "Anna Wiesner",
      contactTitle: "Koordination Familienhilfe",
      phone: "0281 0275-62",
      qualifications: "Heilpädagogin, Entwicklungspsychologische Beratung (EPB)",
      languages: ["Deutsch", "Russisch"],
    },
    member: {
      fullName: "Samira El-Amrani",
      contactTitle: null,
      phone: null,
      qualifications: "Staatlich anerkannte Erzieherin, Elternkursleiterin",
      languages: ["Deutsch", "Arabisch", "Französisch"],
    },
  }),
  ...team(6, "lebenshilfe-dinslaken", 22, {
    admin: {
      fullName: "Bernd Kuhlmann",
      contactTitle: "Vorstand",
      phone: "02064 0551-10",
      qualifications: "Dipl.-Heilpädagoge",
      languages: ["Deutsch"],
    },
    coordinator: {
      fullName: "Petra Janssen",
      contactTitle: "Koordination Familienunterstützender Dienst",
      phone: "02064 0551-12",
      qualifications: "Dipl.-Sozialpädagogin, Fachkraft für Autismus-Spektrum",
      languages: ["Deutsch", "Englisch", "Deutsche Gebärdensprache"],
    },
    member: {
      fullName: "Oliver Schmitz",
      contactTitle: null,
      phone: null,
      qualifications: "Heilerziehungspfleger",
      languages: ["Deutsch"],
    },
  }),
  {
    id: "d2000000-0000-4000-8000-000000000900",
    email: "neu@traegerkreis.example",
    fullName: "Miriam Neumann",
    orgSlug: null,
    role: null,
    contactTitle: null,
    phone: null,
    qualifications: "B.A. Soziale Arbeit",
    languages: ["Deutsch"],
    createdDaysAgo: 2,
  },
];

/** Open requests on the circle's public page ("Interesse melden"), for the coordinators to decide. */
export const DEMO_JOIN_REQUESTS: DemoJoinRequest[] = [
  {
    id: "d3000000-0000-4000-8000-000000000001",
    orgName: "Jugendhilfe Rheinberg gGmbH",
    contactName: "Martina Terhoeven",
    email: "m.terhoeven@jugendhilfe-rheinberg.example",
    phone: "02843 0714-20",
    message:
      "Wir sind ein kleiner Träger für ambulante Hilfen in Rheinberg und Alpen und würden gern beim nächsten Treffen " +
      "dabei sein. Besonders interessiert uns, wie Sie sich bei Krankheit gegenseitig vertreten.",
    createdDaysAgo: 9,
  },
  {
    id: "d3000000-0000-4000-8000-000000000002",
    orgName: "Brückenschlag Familienhilfe",
    contactName: "Yusuf Demir",
    email: "demir@brueckenschlag.example",
    phone: null,
    message:
      "Wir begleiten seit drei Jahren Familien in Oberhausen-Sterkrade, viele mit türkischer oder arabischer " +
      "Familiensprache. Gemeinsame Fortbildungen zum Kinderschutz fänden wir sehr hilfreich.",
    createdDaysAgo: 3,
  },
];

/**
 * Earlier notifications of the circle's coordinators ("Neu im Kreis: …", as admit_join_request
 * writes them). The join requests above add their own ("Neue Interessensmeldung …") through the
 * trigger that announces every join request.
 */
export const DEMO_NOTIFICATIONS: DemoNotification[] = [
  {
    id: "d4000000-0000-4000-8000-000000000001",
    userEmail: "koordination@freiraumwohnung.example",
    kind: "network.admitted",
    data: { orgName: "Kinderleicht", networkName: DEMO_NETWORK.name, ownOrg: false },
    link: "/traeger/kinderleicht",
    createdDaysAgo: 58,
    readDaysAgo: 57,
  },
  {
    id: "d4000000-0000-4000-8000-000000000002",
    userEmail: "koordination@freiraumwohnung.example",
    kind: "network.admitted",
    data: { orgName: "Lebenshilfe Dinslaken e. V.", networkName: DEMO_NETWORK.name, ownOrg: false },
    link: "/traeger/lebenshilfe-dinslaken",
    createdDaysAgo: 19,
    readDaysAgo: null,
  },
  {
    id: "d4000000-0000-4000-8000-000000000003",
    userEmail: "admin@freiraumwohnung.example",
    kind: "network.admitted",
    data: { orgName: "Lebenshilfe Dinslaken e. V.", networkName: DEMO_NETWORK.name, ownOrg: false },
    link: "/traeger/lebenshilfe-dinslaken",
    createdDaysAgo: 19,
    readDaysAgo: 18,
  },
];

export function demoOrg(slug: string): DemoOrg {
  const org = DEMO_ORGS.find((o) => o.slug === slug);
  if (!org) throw new Error(`No demo Träger with slug ${slug}`);
  return org;
}

export function demoUser(email: string): DemoUser {
  const user = DEMO_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`No demo account ${email}`);
  return user;
}

export type DemoSignIn = {
  email: string;
  fullName: string;
  role: string;
  orgName: string;
  /** Owner, admin or coordinator of the circle's coordinating Träger: decides join requests. */
  coordinatesCircle: boolean;
};

/** The demo sign-ins as the start output and the README list them (English: developer-facing). */
export function demoSignIns(): DemoSignIn[] {
  return DEMO_USERS.map((u) => {
    const org = u.orgSlug ? demoOrg(u.orgSlug) : null;
    return {
      email: u.email,
      fullName: u.fullName,
      role: u.role ?? "no Träger yet",
      orgName: org?.name ?? "—",
      coordinatesCircle: org?.networkRole === "coordinator" && u.role !== null && u.role !== "member",
    };
  });
}

/** "freiraumwohnung GmbH (coordinates the circle)" */
export function signInOrgLabel(signIn: DemoSignIn): string {
  return signIn.coordinatesCircle ? `${signIn.orgName} (coordinates the circle)` : signIn.orgName;
}

// ---------------------------------------------------------------------------------------------
// Gemeinsame Fortbildungen of the demo circle. Times are Berlin wall-clock times on a day relative
// to the day the seed runs. The seed writes each training row, then does everything else through
// the SQL functions as the person who would do it (sessions and publishing as the organizer,
// registrations as the registrant, attendance as the organizer), so seats, counters, the waitlist
// and offers are exactly what the rules produce.

export type DemoTrainingSession = { day: number; start: string; end: string };

export type DemoTrainingStep =
  /** `by` registers `participant` (null: `seats` anonymous client seats of by's Träger). */
  | { kind: "register"; by: string; participant: string | null; seats?: number }
  /** `by` cancels the active registration of `participant` (null: by's Träger's client seats). */
  | { kind: "cancel"; by: string; participant: string | null }
  /** The organizer moves the sessions (a training that took place: into the past). */
  | { kind: "move-sessions"; sessions: DemoTrainingSession[] }
  /** The organizer records attendance: participant → 1 in these session positions, else 0. */
  | { kind: "attendance"; participant: string; present: number[] }
  | { kind: "held" };

export type DemoTraining = {
  id: string;
  orgSlug: string;
  /** Owner, admin or coordinator of the Träger who organises. */
  organizerEmail: string;
  coOrganizerSlugs: string[];
  title: string;
  description: string;
  topic: string;
  audience: "fachkraefte" | "leitungen" | "jugendliche" | "eltern" | "gemischt";
  speaker: string;
  place: string | null;
  gemeinde: string | null;
  onlineUrl: string | null;
  capacity: number;
  feeCents: number;
  minParticipants: number | null;
  goNoGoDay: number | null;
  registrationDeadline: { day: number; time: string } | null;
  cancellationDeadline: { day: number; time: string } | null;
  defaultContingent: number | null;
  contingentRelease: { day: number; time: string } | null;
  needsOrgApproval: boolean;
  needsOrganizerApproval: boolean;
  offerHours: number;
  sessions: DemoTrainingSession[];
  publish: boolean;
  createdDaysAgo: number;
  steps: DemoTrainingStep[];
};

const self = (email: string): DemoTrainingStep => ({ kind: "register", by: email, participant: email });

export const DEMO_TRAININGS: DemoTraining[] = [
  {
    // Free seats.
    id: "d5000000-0000-4000-8000-000000000001",
    orgSlug: "kiz-niederrhein",
    organizerEmail: "koordination@kiz-niederrhein.example",
    coOrganizerSlugs: [],
    title: "Kinderschutz nach § 8a SGB VIII: Gefährdung erkennen und einschätzen",
    description: [
      "Zwei Tage für Fachkräfte der ambulanten Hilfen: Gewichtige Anhaltspunkte erkennen, die Gefährdungseinschätzung " +
        "im Zusammenwirken mehrerer Fachkräfte vorbereiten und dokumentieren, Eltern und Kinder beteiligen.",
      "Am zweiten Tag arbeiten wir an anonymisierten Fallbeispielen, die Sie mitbringen können – bitte ohne Namen und " +
        "ohne Angaben, die eine Familie erkennbar machen.",
    ].join("\n\n"),
    topic: "kinderschutz",
    audience: "fachkraefte",
    speaker: "Katrin Vos, insoweit erfahrene Fachkraft",
    place: "KIZ Niederrhein, Homberger Straße 42, 47441 Moers",
    gemeinde: "moers",
    onlineUrl: null,
    capacity: 16,
    feeCents: 3500,
    minParticipants: 8,
    goNoGoDay: 11,
    registrationDeadline: { day: 12, time: "18:00" },
    cancellationDeadline: { day: 14, time: "12:00" },
    defaultContingent: null,
    contingentRelease: null,
    needsOrgApproval: false,
    needsOrganizerApproval: false,
    offerHours: 48,
    sessions: [
      { day: 18, start: "09:00", end: "16:00" },
      { day: 25, start: "09:00", end: "13:00" },
    ],
    publish: true,
    createdDaysAgo: 12,
    steps: [
      self("team@richtungswechsel.example"),
      self("koordination@du-und-ich.example"),
      { kind: "register", by: "admin@kinderleicht.example", participant: "team@kinderleicht.example" },
      self("team@lebenshilfe-dinslaken.example"),
      self("koordination@freiraumwohnung.example"),
    ],
  },
  {
    // Nearly full: two seats per Träger until the release date, so two registrations wait
    // although one seat is still free (their Träger's contingent is used).
    id: "d5000000-0000-4000-8000-000000000002",
    orgSlug: "freiraumwohnung",
    organizerEmail: "admin@freiraumwohnung.example",
    coOrganizerSlugs: ["richtungswechsel"],
    title: "Deeskalation im Alltag der ambulanten Hilfen",
    description:
      "Wenn ein Hausbesuch kippt: Frühwarnzeichen, Haltung und Sprache, sichere Wege aus der Situation, Nachsorge im Team. " +
      "Mit vielen Übungen in kleinen Gruppen; bequeme Kleidung empfohlen.",
    topic: "deeskalation",
    audience: "fachkraefte",
    speaker: "Mehmet Yıldız, Anti-Aggressivitäts-Trainer",
    place: "Bürgerhaus Hünxe, Dorstener Straße 12, 46569 Hünxe",
    gemeinde: "huenxe",
    onlineUrl: null,
    capacity: 8,
    feeCents: 4500,
    minParticipants: null,
    goNoGoDay: null,
    registrationDeadline: null,
    cancellationDeadline: { day: 13, time: "18:00" },
    defaultContingent: 2,
    contingentRelease: { day: 9, time: "12:00" },
    needsOrgApproval: false,
    needsOrganizerApproval: false,
    offerHours: 48,
    sessions: [{ day: 16, start: "09:30", end: "16:30" }],
    publish: true,
    createdDaysAgo: 20,
    steps: [
      self("team@freiraumwohnung.example"),
      self("koordination@freiraumwohnung.example"),
      self("koordination@kiz-niederrhein.example"),
      self("team@kiz-niederrhein.example"),
      self("team@du-und-ich.example"),
      { kind: "register", by: "admin@du-und-ich.example", participant: "koordination@du-und-ich.example" },
      self("team@kinderleicht.example"),
      self("admin@freiraumwohnung.example"),
      self("admin@kiz-niederrhein.example"),
    ],
  },
  {
    // Took place three weeks ago; attendance recorded, so attendees can download a certificate.
    id: "d5000000-0000-4000-8000-000000000003",
    orgSlug: "du-und-ich",
    organizerEmail: "admin@du-und-ich.example",
    coOrganizerSlugs: [],
    title: "Traumapädagogik: Sichere Orte im Alltag schaffen",
    description:
      "Grundlagen der Traumapädagogik für die Arbeit in Familien: Was Kinder nach belastenden Erfahrungen brauchen, " +
      "wie Struktur und Vorhersehbarkeit Sicherheit geben, und wie Fachkräfte gut für sich selbst sorgen.",
    topic: "traumapaedagogik",
    audience: "fachkraefte",
    speaker: "Heike Schürmann",
    place: "Du & Ich e. V., Marktstraße 87, 46045 Oberhausen",
    gemeinde: "oberhausen",
    onlineUrl: null,
    capacity: 12,
    feeCents: 6000,
    minParticipants: null,
    goNoGoDay: null,
    registrationDeadline: null,
    cancellationDeadline: null,
    defaultContingent: null,
    contingentRelease: null,
    needsOrgApproval: false,
    needsOrganizerApproval: false,
    offerHours: 48,
    // Registrations need a future training; the sessions move into the past afterwards.
    sessions: [
      { day: 5, start: "09:00", end: "16:00" },
      { day: 6, start: "09:00", end: "12:30" },
    ],
    publish: true,
    createdDaysAgo: 45,
    steps: [
      self("team@kinderleicht.example"),
      self("team@kiz-niederrhein.example"),
      self("koordination@lebenshilfe-dinslaken.example"),
      self("team@freiraumwohnung.example"),
      {
        kind: "move-sessions",
        sessions: [
          { day: -21, start: "09:00", end: "16:00" },
          { day: -20, start: "09:00", end: "12:30" },
        ],
      },
      { kind: "attendance", participant: "team@kinderleicht.example", present: [1, 2] },
      { kind: "attendance", participant: "team@kiz-niederrhein.example", present: [1, 2] },
      { kind: "attendance", participant: "koordination@lebenshilfe-dinslaken.example", present: [1] },
      { kind: "attendance", participant: "team@freiraumwohnung.example", present: [] },
      { kind: "held" },
    ],
  },
  {
    // A draft: only Kinderleicht sees it.
    id: "d5000000-0000-4000-8000-000000000004",
    orgSlug: "kinderleicht",
    organizerEmail: "koordination@kinderleicht.example",
    coOrganizerSlugs: [],
    title: "Medienkompetenz für Eltern: Sicher unterwegs in sozialen Netzwerken",
    description:
      "Zwei Abende für Eltern: Was Kinder und Jugendliche online erleben, wie Eltern ins Gespräch kommen und welche " +
      "Einstellungen schützen. Online, damit niemand eine Betreuung organisieren muss.",
    topic: "medien",
    audience: "eltern",
    speaker: "Samira El-Amrani",
    place: null,
    gemeinde: null,
    onlineUrl: "https://meet.kinderleicht.example/medienkompetenz",
    capacity: 25,
    feeCents: 0,
    minParticipants: null,
    goNoGoDay: null,
    registrationDeadline: null,
    cancellationDeadline: null,
    defaultContingent: null,
    contingentRelease: null,
    needsOrgApproval: false,
    needsOrganizerApproval: false,
    offerHours: 48,
    sessions: [
      { day: 40, start: "18:00", end: "20:00" },
      { day: 47, start: "18:00", end: "20:00" },
    ],
    publish: false,
    createdDaysAgo: 2,
    steps: [],
  },
  {
    // Anonymous client seats: booked as counts by the Träger's coordinators. Kinderleicht gives
    // its seats back, so the group waiting first (Du & Ich, 2 seats) gets an offer.
    id: "d5000000-0000-4000-8000-000000000005",
    orgSlug: "richtungswechsel",
    organizerEmail: "admin@richtungswechsel.example",
    coOrganizerSlugs: [],
    title: "Bewerbungstraining für Jugendliche: Vorstellungsgespräche üben",
    description:
      "Zwei Nachmittage für Jugendliche und junge Volljährige: Bewerbungsunterlagen ansehen, Vorstellungsgespräche im " +
      "Rollenspiel üben, Fragen zu Ausbildung und Jobcenter klären. Die Plätze buchen die Träger anonym für ihre Jugendlichen.",
    topic: "lebenspraxis",
    audience: "jugendliche",
    speaker: "Jonas Lehmkuhl",
    place: "Jugendtreff Voerde, Rathausplatz 3, 46562 Voerde",
    gemeinde: "voerde",
    onlineUrl: null,
    capacity: 10,
    feeCents: 1500,
    minParticipants: null,
    goNoGoDay: null,
    registrationDeadline: { day: 20, time: "12:00" },
    cancellationDeadline: { day: 20, time: "12:00" },
    defaultContingent: null,
    contingentRelease: null,
    needsOrgApproval: false,
    needsOrganizerApproval: false,
    offerHours: 48,
    sessions: [
      { day: 22, start: "14:00", end: "17:00" },
      { day: 29, start: "14:00", end: "17:00" },
    ],
    publish: true,
    createdDaysAgo: 9,
    steps: [
      { kind: "register", by: "koordination@richtungswechsel.example", participant: null, seats: 3 },
      { kind: "register", by: "koordination@freiraumwohnung.example", participant: null, seats: 4 },
      { kind: "register", by: "koordination@kinderleicht.example", participant: null, seats: 3 },
      { kind: "register", by: "admin@du-und-ich.example", participant: null, seats: 2 },
      { kind: "cancel", by: "koordination@kinderleicht.example", participant: null },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Vertretungsbörse of the demo circle: an open Notfall addressed first to one Träger, a request
// that is partly covered (with one more offer waiting), and a cover that was filled and completed
// (so the Bilanz has an entry). Days are relative to the day the seed runs. The seed writes each
// request as a draft, then does every step through the SQL functions as the person who would do
// it (publish, offer, accept, complete), so fill status, ledger and contacts are what the rules
// produce. Descriptions describe the need, never the family; names are only in handover notes.

export type DemoCoverStep =
  | {
      kind: "offer";
      by: string;
      hours: number;
      fromDay: number;
      qualification: string;
      languages: string[];
      message: string;
    }
  /** `by` (of the requesting Träger) accepts the open offer of `offerOrg` (all of it, or `hours`). */
  | { kind: "accept"; by: string; offerOrg: string; hours?: number }
  /** `by` records the hours actually given for the accepted offer of `offerOrg`. */
  | { kind: "complete"; by: string; offerOrg: string; actualHours: number };

export type DemoCover = {
  id: string;
  orgSlug: string;
  /** Owner, admin or coordinator of the requesting Träger; publishes the request. */
  requesterEmail: string;
  urgency: "notfall" | "dringend" | "planbar";
  kind: "vertretung" | "krisenintervention" | "umgangsbegleitung" | "uebernahme";
  hilfeart: string;
  gemeinde: string;
  sozialraum: string | null;
  fromDay: number;
  toDay: number;
  hoursPerWeek: number;
  qualification: string;
  languages: string[];
  needsDrivingLicence: boolean;
  needsCar: boolean;
  description: string;
  caseReference: string;
  handoverNotes: string | null;
  /** Addressed first to these Träger, for the whole circle after `widenInHours`; [] = the whole circle. */
  addressedTo: string[];
  widenInHours: number | null;
  /** When it was published, shown on the board ("newest first"). */
  publishedHoursAgo: number;
  steps: DemoCoverStep[];
};

export const DEMO_COVERS: DemoCover[] = [
  {
    // Open Notfall, addressed first to freiraumwohnung; the circle sees it in three hours.
    id: "d6000000-0000-4000-8000-000000000001",
    orgSlug: "du-und-ich",
    requesterEmail: "koordination@du-und-ich.example",
    urgency: "notfall",
    kind: "vertretung",
    hilfeart: "p31",
    gemeinde: "dinslaken",
    sozialraum: "Lohberg",
    fromDay: 0,
    toDay: 13,
    hoursPerWeek: 15,
    qualification: "Sozialpädagogin/Sozialpädagoge mit Erfahrung in der SPFH",
    languages: ["Türkisch"],
    needsDrivingLicence: true,
    needsCar: true,
    description:
      "Unsere Fachkraft fällt kurzfristig für zwei Wochen aus. Familie mit drei Kindern (2, 6 und 9 Jahre), zwei " +
      "Termine pro Woche zu Hause, Schwerpunkt Tagesstruktur und Begleitung zu Kita und Schule. Die Mutter spricht " +
      "überwiegend Türkisch.",
    caseReference: "F-2026-031",
    handoverNotes:
      "Familie Aydın, Hünxer Straße 12, Dinslaken-Lohberg. Termine bisher dienstags 9–11 Uhr und donnerstags " +
      "14–16 Uhr. Ansprechpartnerin im Jugendamt: Frau Peters. Der Vater ist nicht sorgeberechtigt; keine Auskünfte an ihn.",
    addressedTo: ["freiraumwohnung"],
    widenInHours: 3,
    publishedHoursAgo: 1,
    steps: [],
  },
  {
    // Partly covered: freiraumwohnung takes 12 of 20 hours, KIZ Niederrhein offers 8 more.
    id: "d6000000-0000-4000-8000-000000000002",
    orgSlug: "kinderleicht",
    requesterEmail: "koordination@kinderleicht.example",
    urgency: "dringend",
    kind: "vertretung",
    hilfeart: "p31",
    gemeinde: "wesel",
    sozialraum: "Feldmark",
    fromDay: 2,
    toDay: 44,
    hoursPerWeek: 20,
    qualification: "Staatlich anerkannte Sozialarbeiterin/Sozialarbeiter",
    languages: [],
    needsDrivingLicence: true,
    needsCar: false,
    description:
      "Elternzeitvertretung für sechs Wochen: zwei laufende Familienhilfen mit je 10 Fachleistungsstunden, " +
      "Schwerpunkt Erziehungsfragen bei Kindern im Grundschulalter. Gern auch aufgeteilt auf zwei Fachkräfte.",
    caseReference: "KL-2026-07",
    handoverNotes: null,
    addressedTo: [],
    widenInHours: null,
    publishedHoursAgo: 30,
    steps: [
      {
        kind: "offer",
        by: "koordination@freiraumwohnung.example",
        hours: 12,
        fromDay: 2,
        qualification: "B.A. Soziale Arbeit, drei Jahre SPFH",
        languages: ["Deutsch"],
        message: "Unser Kollege Nils kann dienstags und donnerstags übernehmen, Führerschein vorhanden.",
      },
      { kind: "accept", by: "koordination@kinderleicht.example", offerOrg: "freiraumwohnung" },
      {
        kind: "offer",
        by: "koordination@kiz-niederrhein.example",
        hours: 8,
        fromDay: 7,
        qualification: "M.A. Soziale Arbeit, Familientherapeut in Weiterbildung",
        languages: ["Deutsch", "Polnisch"],
        message: "Ab der zweiten Woche könnten wir die restlichen 8 Stunden abdecken.",
      },
    ],
  },
  {
    // Filled and completed: Du & Ich covered for richtungsWechsel for a month; it is in the Bilanz.
    id: "d6000000-0000-4000-8000-000000000003",
    orgSlug: "richtungswechsel",
    requesterEmail: "koordination@richtungswechsel.example",
    urgency: "planbar",
    kind: "vertretung",
    hilfeart: "p30",
    gemeinde: "duisburg",
    sozialraum: "Hamborn",
    fromDay: -30,
    toDay: 0,
    hoursPerWeek: 6,
    qualification: "Erfahrung mit Jugendlichen ab 14 Jahren",
    languages: [],
    needsDrivingLicence: false,
    needsCar: false,
    description:
      "Urlaubs- und Fortbildungsvertretung für eine Erziehungsbeistandschaft: ein Jugendlicher (15), wöchentliche " +
      "Gespräche und Begleitung bei der Praktikumssuche.",
    caseReference: "RW-2026-112",
    handoverNotes: "Jugendlicher: Kevin S., Treffpunkt Jugendzentrum Hamborn, Termine mittwochs 15 Uhr.",
    addressedTo: [],
    widenInHours: null,
    publishedHoursAgo: 24 * 34,
    steps: [
      {
        kind: "offer",
        by: "koordination@du-und-ich.example",
        hours: 6,
        fromDay: -30,
        qualification: "B.A. Soziale Arbeit, Anti-Aggressivitäts-Trainer",
        languages: ["Deutsch", "Türkisch"],
        message: "Herr Yıldız übernimmt gern, er kennt das Jugendzentrum.",
      },
      { kind: "accept", by: "koordination@richtungswechsel.example", offerOrg: "du-und-ich" },
      { kind: "complete", by: "koordination@du-und-ich.example", offerOrg: "du-und-ich", actualHours: 24 },
    ],
  },
];
