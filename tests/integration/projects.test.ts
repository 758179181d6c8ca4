// Gemeinsame Projekte through the routes and functions the app calls: bad input gets a German
// message and writes nothing (period end before start, an idea without a goal, joining twice,
// accepting for another Träger, a task owner from a non-partner Träger, oversized texts,
// Sozialdaten); the workspace is "Nicht gefunden" for everyone but the partners; mails and
// notifications for joins, updates and tasks; the due-task job; the calendar's key dates.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { renderMail } from "~/.server/mail/render";
import { loadHiddenText, reportSozialdaten, reviseHiddenText } from "~/.server/sozialdaten-hides";
import { projectDateSource } from "~/.server/calendar/sources/projects";
import { asUserReadOnly } from "~/.server/db/request";
import { runProjectJobs } from "~/.server/projects/jobs";
import { listProjects } from "~/.server/projects/read";
import { addKeyDate, decideRequest, postUpdate, requestJoin, saveProject, saveTask } from "~/.server/projects/write";
import { action as detailAction, loader as detailLoader } from "~/routes/projekte.$id._index";
import { action as workspaceAction, loader as workspaceLoader } from "~/routes/projekte.$id.arbeitsraum";
import { action as newAction } from "~/routes/projekte.neu";
import { FORM_KEY_FIELD } from "~/utils/form-key";
import { PROJECT_PAGE_SIZE, ProjectFormSchema } from "~/validation/projects";
import { freshDatabase } from "../helpers/db";
import { outboxMails, requestAs, uniqueWord } from "../helpers/fixtures";
import { ideaForm, projectCircle, type ProjectCircle } from "../helpers/projects";
import { callRoute } from "../helpers/routes";

describe("Gemeinsame Projekte", () => {
  let database: Database;
  let c: ProjectCircle;
  let projectId: string;

  const count = async (table: string, where = sql`true`) =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${where}`.execute(database.db)).rows[0]!.n;

  beforeAll(async () => {
    database = await freshDatabase();
    c = await projectCircle(database);
    projectId = await saveProject(c.leadCoord, null, ProjectFormSchema.parse(ideaForm(c)));
    await requestJoin(c.partnerCoord, projectId, c.partner.id, "Wir haben Räume in Moers.");
    await decideRequest(c.leadCoord, projectId, c.partner.id, true, "Willkommen!");
  });

  const postNew = async (fields: Record<string, string | string[]>) =>
    callRoute(newAction, await requestAs(database, c.leadCoord, "/projekte/neu", { form: fields }));
  const postDetail = async (user: { id: string }, fields: Record<string, string>) =>
    callRoute(detailAction, await requestAs(database, user, `/projekte/${projectId}`, { form: fields }), { id: projectId });
  const postWorkspace = async (user: { id: string }, fields: Record<string, string>) =>
    callRoute(workspaceAction, await requestAs(database, user, `/projekte/${projectId}/arbeitsraum`, { form: fields }), { id: projectId });

  it("refuses a period ending before it starts, in the form and in the database", async () => {
    const before = await count("projects");
    const answer = await postNew(ideaForm(c, { periodStart: "2027-08-01", periodEnd: "2027-07-01" }));
    expect(answer.status).toBe(200);
    expect(answer.data.result.error.periodEnd).toEqual(["Das Ende des Zeitraums liegt vor dem Beginn."]);
    const input = { ...ProjectFormSchema.parse(ideaForm(c)), periodStart: "2027-08-01", periodEnd: "2027-07-01" };
    await expect(saveProject(c.leadCoord, null, input)).rejects.toMatchObject({ message: "TK_PROJECT_PERIOD_ORDER" });
    expect(await count("projects")).toBe(before);
  });

  it("refuses an idea without a goal", async () => {
    const before = await count("projects");
    const answer = await postNew(ideaForm(c, { goal: "" }));
    expect(answer.data.result.error.goal).toEqual(["Bitte beschreiben Sie das Ziel des Projekts (mindestens 10 Zeichen)."]);
    const input = { ...ProjectFormSchema.parse(ideaForm(c)), goal: " " };
    await expect(saveProject(c.leadCoord, null, input)).rejects.toMatchObject({ message: "TK_PROJECT_GOAL_MISSING" });
    expect(await count("projects")).toBe(before);
  });

  it("refuses oversized texts (1 MB) and a NUL byte with a German message", async () => {
    const before = await count("projects");
    const huge = await postNew(ideaForm(c, { goal: "x".repeat(1_000_000) }));
    expect(huge.status).toBe(200);
    expect(huge.data.result.error.goal).toEqual(["Das Ziel ist zu lang (höchstens 4.000 Zeichen)."]);
    const wanted = await postNew(ideaForm(c, { wanted: "y".repeat(5000) }));
    expect(wanted.data.result.error.wanted).toEqual(["„Gesucht“ ist zu lang (höchstens 4.000 Zeichen)."]);
    const nul = await postNew(ideaForm(c, { title: "Ferien\u0000programm" }));
    expect(nul.data.result.error.title).toEqual(["Hier sind keine Zeilenumbrüche, Tabulatoren oder Steuerzeichen erlaubt."]);
    const update = await postWorkspace(c.partnerMember, { intent: "update", formId: "update", body: "z".repeat(6000) });
    expect(update.data.result.error.body).toEqual(["Der Beitrag ist zu lang (höchstens 5.000 Zeichen)."]);
    expect(await count("projects")).toBe(before);
    expect(await count("project_updates")).toBe(0);
  });

  it("refuses a phone number in the idea and in an update (Sozialdaten), in the form and in the database", async () => {
    const answer = await postNew(ideaForm(c, { goal: "Für die Familie Yilmaz, erreichbar unter 0281 1234567." }));
    expect(answer.data.result.error.goal.join(" ")).toMatch(/Telefonnummer/);
    await expect(postUpdate(c.partnerMember, projectId, "Bitte Mutter unter 0171 2345678 anrufen.", null)).rejects.toMatchObject({
      message: "TK_SOZIALDATEN",
    });
    expect(await count("project_updates")).toBe(0);
  });

  it("refuses joining twice, with a German message", async () => {
    const first = await postDetail(c.thirdCoord, { intent: "join", formId: "join", orgId: c.third.id, message: "Wir sind dabei." });
    expect(first.data.ok).toBe(true);
    const again = await postDetail(c.thirdCoord, { intent: "join", formId: "join", orgId: c.third.id, message: "Nochmal." });
    expect(again.data.ok).toBe(false);
    expect(again.data.result.error[""]).toEqual(["Für diesen Träger liegt schon eine offene Anfrage oder Einladung vor."]);
    const partnerAgain = await postDetail(c.partnerCoord, { intent: "join", formId: "join", orgId: c.partner.id, message: "" });
    expect(partnerAgain.data.result.error[""]).toEqual(["Dieser Träger macht bei dem Projekt schon mit."]);
    expect(await count("project_partners", sql`project_id = ${projectId} and status = 'requested'`)).toBe(1);
    // A member (not a coordinator) cannot answer for the Träger.
    const member = await postDetail(c.thirdMember, { intent: "join", formId: "join", orgId: c.third.id, message: "" });
    expect(member.data.result.error[""]![0]).toMatch(/^Für diesen Träger können Sie das nicht tun/);
  });

  it("refuses accepting a request for another Träger: only the lead decides", async () => {
    const byPartner = await postDetail(c.partnerCoord, { intent: "decide", formId: "decide", orgId: c.third.id, decision: "accept", answer: "" });
    expect(byPartner.data.result.error[""]).toEqual(["Das kann nur die Projektleitung (Koordination des leitenden Trägers)."]);
    const bySelf = await postDetail(c.thirdCoord, { intent: "decide", formId: "decide", orgId: c.third.id, decision: "accept", answer: "" });
    expect(bySelf.data.result.error[""]).toEqual(["Das kann nur die Projektleitung (Koordination des leitenden Trägers)."]);
    const byLeadMember = await postDetail(c.leadMember, { intent: "decide", formId: "decide", orgId: c.third.id, decision: "accept", answer: "" });
    expect(byLeadMember.data.result.error[""]).toEqual(["Das kann nur die Projektleitung (Koordination des leitenden Trägers)."]);
    expect(await count("project_partners", sql`project_id = ${projectId} and org_id = ${c.third.id} and status = 'requested'`)).toBe(1);
  });

  it("refuses a task owner from a non-partner Träger (also one whose request is pending)", async () => {
    for (const owner of [c.third.id, c.outside.id, `${c.partner.id}:${c.leadMember.id}`]) {
      const answer = await postWorkspace(c.partnerMember, { intent: "task", formId: "task", title: "Flyer drucken", owner, dueDate: "" });
      expect(answer.data.ok).toBe(false);
      expect(answer.data.result.error[""]![0]).toMatch(
        /^(Eine Aufgabe kann nur ein Träger übernehmen, der bei dem Projekt mitmacht\.|Diese Person gehört nicht zu dem Träger, der die Aufgabe übernimmt\.)$/,
      );
    }
    expect(await count("project_tasks")).toBe(0);
  });

  it("keeps the workspace closed: Nicht gefunden for the circle, a pending Träger, other circles and strangers", async () => {
    for (const user of [c.thirdCoord, c.thirdMember, c.outsideCoord, c.stranger]) {
      const answer = await callRoute(workspaceLoader, await requestAs(database, user, `/projekte/${projectId}/arbeitsraum`), { id: projectId });
      expect(answer.status).toBe(404);
      const post = await postWorkspace(user, { intent: "update", formId: "update", body: "Hallo zusammen" });
      expect(post.data.result.error[""]).toEqual(["Nicht gefunden."]);
    }
    // The circle sees the idea and who takes part.
    const detail = await callRoute(detailLoader, await requestAs(database, c.thirdMember, `/projekte/${projectId}`), { id: projectId });
    expect(detail.status).toBe(200);
    expect(detail.data.project.partners.filter((p: { status: string }) => p.status === "active").map((p: { orgName: string }) => p.orgName).sort()).toEqual(
      ["Familienhilfe am Rhein", "KIZ Niederrhein"],
    );
    const outside = await callRoute(detailLoader, await requestAs(database, c.outsideCoord, `/projekte/${projectId}`), { id: projectId });
    expect(outside.status).toBe(404);
  });

  it("tells the partners about updates and the owner about a task, by bell and mail; the job reminds once before it is due", async () => {
    const marker = uniqueWord(8);
    await postUpdate(c.partnerMember, projectId, `Raumplan steht ${marker}.`, "https://example.org/plan");
    const mails = await outboxMails(database);
    const updateMails = mails.filter((m) => m.template === "project-news" && m.props.kind === "update");
    expect(updateMails.map((m) => m.to).sort()).toEqual([c.leadCoord.email, c.leadMember.email, c.partnerCoord.email].sort());
    const rendered = await renderMail("project-news", updateMails[0]!.props);
    expect(rendered.subject).toBe("Neues im Projekt: Gemeinsames Ferienprogramm");
    expect(rendered.text).toContain(marker);
    const joinMail = mails.find((m) => m.template === "project-news" && m.props.kind === "join_requested");
    expect(joinMail?.to).toBe(c.leadCoord.email);

    const soon = new Date(Date.now() + 2 * 86400_000).toISOString().slice(0, 10);
    await saveTask(c.leadCoord, projectId, null, { title: "Flyer gestalten", owner: `${c.partner.id}:${c.partnerMember.id}`, dueDate: soon });
    const assigned = (await outboxMails(database)).filter((m) => m.props.kind === "task_assigned");
    expect(assigned.map((m) => m.to)).toEqual([c.partnerMember.email]);
    expect((await runProjectJobs()).tasksReminded).toBe(1);
    expect((await runProjectJobs()).tasksReminded).toBe(0);
    const due = (await outboxMails(database)).filter((m) => m.props.kind === "task_due");
    expect(due.map((m) => m.to)).toEqual([c.partnerMember.email]);
    expect(await count("notifications", sql`user_id = ${c.partnerMember.id} and kind = 'project.task_due'`)).toBe(1);
  });

  it("gives the calendar (page and feeds) the key dates of the person's projects only", async () => {
    await addKeyDate(c.partnerCoord, projectId, { title: "Auftakt", startsAt: "2027-07-05T09:00", endsAt: "2027-07-05T12:00" });
    const range = { from: new Date("2027-07-01T00:00:00Z"), to: new Date("2027-08-01T00:00:00Z") };
    const datesOf = (user: typeof c.leadMember) =>
      asUserReadOnly(user, (tx) => projectDateSource.load(tx, { kind: "person", userId: user.id }, range));
    const mine = await datesOf(c.leadMember);
    expect(mine).toEqual([
      expect.objectContaining({
        uid: expect.stringMatching(/^project-date-.+@traegerkreis$/),
        kind: "project",
        title: "Auftakt · Gemeinsames Ferienprogramm",
        start: new Date("2027-07-05T07:00:00Z"),
        end: new Date("2027-07-05T10:00:00Z"),
        allDay: false,
        href: `/projekte/${projectId}/arbeitsraum`,
        mine: true,
      }),
    ]);
    expect(await datesOf(c.thirdMember)).toEqual([]);
    expect(await datesOf(c.stranger)).toEqual([]);
    // A Träger's team calendar holds the dates of its own partnerships only.
    const asTraeger = (user: typeof c.leadMember, orgId: string) =>
      asUserReadOnly(user, (tx) => projectDateSource.load(tx, { kind: "traeger", userId: user.id, orgId }, range));
    expect(await asTraeger(c.leadMember, c.lead.id)).toHaveLength(1);
  });

  it("lists ideas with filters and a Passt-zu-uns hint; drafts only for their Träger", async () => {
    const draftId = await saveProject(c.leadCoord, null, ProjectFormSchema.parse(ideaForm(c, { title: "Elternkurs Entwurf", publish: "draft" })));
    const third = await listProjects(c.thirdMember, {});
    expect(third.cards.map((p) => p.id)).toContain(projectId);
    expect(third.cards.map((p) => p.id)).not.toContain(draftId);
    const card = third.cards.find((p) => p.id === projectId)!;
    expect(card.fits).toEqual(["§ 16"]);
    expect((await listProjects(c.thirdMember, { gemeinde: "xanten" })).cards).toEqual([]);
    expect((await listProjects(c.thirdMember, { hilfeart: "p31" })).cards.map((p) => p.id)).toEqual([projectId]);
    expect((await listProjects(c.leadMember, { status: "draft" })).cards.map((p) => p.id)).toEqual([draftId]);
    expect((await listProjects(c.outsideCoord, {})).cards).toEqual([]);
  });

  it("counts the list from its own page: exact where the list ends, \"more than\" while a next page follows", async () => {
    // One page and one more idea in a Gemeinde no other test uses.
    for (let i = 0; i <= PROJECT_PAGE_SIZE; i++) {
      await saveProject(c.leadCoord, null, ProjectFormSchema.parse(ideaForm(c, { title: `Sonsbeck-Idee ${i}`, gemeinden: ["sonsbeck"] })));
    }
    const first = await listProjects(c.thirdMember, { gemeinde: "sonsbeck" });
    expect(first).toMatchObject({ total: PROJECT_PAGE_SIZE, moreThan: true, hasMore: true, pages: null, pastEnd: false });
    expect(first.cards).toHaveLength(PROJECT_PAGE_SIZE);
    const second = await listProjects(c.thirdMember, { gemeinde: "sonsbeck", seite: 2 });
    expect(second).toMatchObject({ total: PROJECT_PAGE_SIZE + 1, moreThan: false, hasMore: false, pages: 2, pastEnd: false });
    expect(second.cards).toHaveLength(1);
    // A page number typed in beyond the end: no cards, and no made-up count.
    expect(await listProjects(c.thirdMember, { gemeinde: "sonsbeck", seite: 4 })).toMatchObject({ cards: [], pastEnd: true, pages: null });
    // Small lists are counted exactly on their one page.
    expect(await listProjects(c.thirdMember, { hilfeart: "p31", gemeinde: "wesel" })).toMatchObject({ moreThan: false, pages: 1 });
  });

  it('"Projektidee anlegen" posted twice at once creates one idea', async () => {
    const title = `Elternkurs ${uniqueWord(8)}`;
    const fields = { ...ideaForm(c, { title }), [FORM_KEY_FIELD]: randomUUID() };
    const [first, second] = await Promise.all([postNew(fields), postNew(fields)]);
    expect(await count("projects", sql`title = ${title}`)).toBe(1);
    expect(first.status).toBe(302);
    expect(second.location).toBe(first.location);
  });

  it("a reported idea is hidden from the circle, stays with the partners, and shows again once the lead revises it", async () => {
    const id = await saveProject(c.leadCoord, null, ProjectFormSchema.parse(ideaForm(c, { title: `Elternkurs ${uniqueWord(6)}` })));
    const seen = async (user: ProjectCircle["thirdMember"]) => (await listProjects(user, {})).cards.some((p) => p.id === id);
    expect(await seen(c.thirdMember)).toBe(true);
    const hideId = await reportSozialdaten(c.thirdMember, { subjectType: "project", subjectId: id, note: "Ein Kind wird genannt" });
    expect(await seen(c.thirdMember)).toBe(false);
    expect(await seen(c.leadMember)).toBe(true);
    const hidden = await loadHiddenText(c.leadCoord, hideId);
    expect(hidden).toMatchObject({ own: true, canRevise: true, path: `/projekte/${id}` });
    expect(hidden!.texts.goal).toMatch(/^Zwei Wochen Ferienprogramm/);
    // The revision is screened too: a phone number is refused, nothing changes.
    await expect(reviseHiddenText(c.leadCoord, hideId, { goal: "Anmeldung unter 0281 1234567 bei uns." })).rejects.toMatchObject({
      message: "TK_SOZIALDATEN",
    });
    expect(await seen(c.thirdMember)).toBe(false);
    await reviseHiddenText(c.leadCoord, hideId, { goal: "Ein Elternkurs für Familien aus allen Stadtteilen des Kreises." });
    expect(await seen(c.thirdMember)).toBe(true);
  });

  it("pages the list by PROJECT_PAGE_SIZE (20, like the other lists), every project once", async () => {
    // More than a page of visible projects (the file's other tests add some too).
    while (!(await listProjects(c.thirdMember, {})).hasMore) {
      await saveProject(c.leadCoord, null, ProjectFormSchema.parse(ideaForm(c, { title: `Elternkurs ${uniqueWord(6)}` })));
    }
    expect(PROJECT_PAGE_SIZE).toBe(20);
    const first = await listProjects(c.thirdMember, {});
    expect(first.cards).toHaveLength(PROJECT_PAGE_SIZE);
    expect(first).toMatchObject({ page: 1, hasMore: true, moreThan: true, total: PROJECT_PAGE_SIZE });
    const all = [...first.cards];
    let seite = 1;
    let last = first;
    while (last.hasMore) {
      seite += 1;
      last = await listProjects(c.thirdMember, { seite });
      expect(last.cards.length).toBeGreaterThan(0);
      expect(last.cards.length).toBeLessThanOrEqual(PROJECT_PAGE_SIZE);
      all.push(...last.cards);
    }
    expect(last).toMatchObject({ moreThan: false, total: all.length, pages: seite });
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
  });
});
