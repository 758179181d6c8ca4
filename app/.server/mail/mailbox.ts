// The dev mailbox: without RESEND_API_KEY, every mail is written as one JSON file into
// MAILBOX_DIR, where /dev/mails shows it and a person can click its links. Outside production
// only as a page; the files are plain JSON so a script or test can read them too.
import fs from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { env } from "../env";

export type MailboxAttachment = {
  filename: string;
  contentType: string;
  /** Base64. */
  content: string;
};

export type MailboxMail = {
  id: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Files the mail carries (calendar entries); missing on mails without any. */
  attachments?: MailboxAttachment[];
  createdAt: string;
};

// Ids sort by time (a zero-padded millisecond stamp first), and are safe as file names.
const ID_PATTERN = /^[0-9]{13}-[0-9a-f]{8}$/;

function dir() {
  return path.resolve(env().MAILBOX_DIR);
}

export function isMailboxId(id: string): boolean {
  return ID_PATTERN.test(id);
}

export async function writeToMailbox(mail: Omit<MailboxMail, "id" | "createdAt">): Promise<MailboxMail> {
  const now = new Date();
  const id = `${String(now.getTime()).padStart(13, "0")}-${randomUUID().slice(0, 8)}`;
  const stored: MailboxMail = { id, ...mail, createdAt: now.toISOString() };
  await fs.mkdir(dir(), { recursive: true });
  // Write then rename, so the page never reads half a file.
  const file = path.join(dir(), `${id}.json`);
  await fs.writeFile(`${file}.tmp`, JSON.stringify(stored, null, 2));
  await fs.rename(`${file}.tmp`, file);
  return stored;
}

/** Newest first. */
export async function listMailbox(): Promise<MailboxMail[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const ids = names
    .filter((n) => n.endsWith(".json"))
    .map((n) => n.slice(0, -".json".length))
    .filter(isMailboxId)
    .sort()
    .reverse();
  const mails = await Promise.all(ids.map((id) => readMailbox(id)));
  return mails.filter((m): m is MailboxMail => m !== null);
}

export async function readMailbox(id: string): Promise<MailboxMail | null> {
  if (!isMailboxId(id)) return null;
  try {
    return JSON.parse(await fs.readFile(path.join(dir(), `${id}.json`), "utf8")) as MailboxMail;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

export async function clearMailbox(): Promise<number> {
  const mails = await listMailbox();
  await Promise.all(mails.map((m) => fs.rm(path.join(dir(), `${m.id}.json`), { force: true })));
  return mails.length;
}
