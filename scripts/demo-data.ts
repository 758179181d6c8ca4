// The demo circle, in one place: scripts/generate-seed.ts writes supabase/seed.sql and the README's
// sign-in table from it, the dev server prints its sign-ins at start, and tests refer to its fixed
// ids. The six Träger are the ones named in the press text (seeds/001); their profiles, addresses,
// phone numbers and people are invented for the demo. Addresses use `.example` (RFC 2606), phone
// numbers have a local part starting with 0, which no German line has.
import type { LegalForm, OrgKind, OrgRole } from "../app/.server/db/schema";

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
  kind: string;
  title: string;
  body: string;
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
 * Earlier notifications of the circle's coordinators. The join requests above add their own
 * ("Neue Interessensmeldung …") through the trigger that announces every join request.
 */
export const DEMO_NOTIFICATIONS: DemoNotification[] = [
  {
    id: "d4000000-0000-4000-8000-000000000001",
    userEmail: "koordination@freiraumwohnung.example",
    kind: "network.member_joined",
    title: "Neu im Kreis: Kinderleicht",
    body: "Kinderleicht aus Wesel gehört jetzt zum Kooperationskreis.",
    link: "/traeger/kinderleicht",
    createdDaysAgo: 58,
    readDaysAgo: 57,
  },
  {
    id: "d4000000-0000-4000-8000-000000000002",
    userEmail: "koordination@freiraumwohnung.example",
    kind: "network.member_joined",
    title: "Neu im Kreis: Lebenshilfe Dinslaken e. V.",
    body: "Lebenshilfe Dinslaken e. V. gehört jetzt zum Kooperationskreis.",
    link: "/traeger/lebenshilfe-dinslaken",
    createdDaysAgo: 19,
    readDaysAgo: null,
  },
  {
    id: "d4000000-0000-4000-8000-000000000003",
    userEmail: "admin@freiraumwohnung.example",
    kind: "network.member_joined",
    title: "Neu im Kreis: Lebenshilfe Dinslaken e. V.",
    body: "Lebenshilfe Dinslaken e. V. gehört jetzt zum Kooperationskreis.",
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
