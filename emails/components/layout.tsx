// The one frame every Trägerkreis mail shares: a plain white card, a greeting, short paragraphs,
// one button with the link spelled out below it (some mail programs hide buttons), and a footer
// that says why the mail came. Inline styles only: mail programs ignore stylesheets.
import { Fragment, type ReactNode } from "react";
import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import { dayMonthYearText } from "../../app/utils/format";

const colors = { brand: "#125d56", text: "#0f172a", muted: "#475569", border: "#e2e8f0", page: "#f8fafc" };
const font = '-apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export function EmailLayout({
  preview,
  heading,
  children,
  footer,
  banner,
}: {
  /** The line mail programs show next to the subject. */
  preview: string;
  /** Above the heading, for what must be seen first (a Notfall). */
  banner?: ReactNode;
  heading: string;
  children: ReactNode;
  /** Why this person got the mail. */
  footer: string;
}) {
  return (
    <Html lang="de">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: colors.page, fontFamily: font, margin: 0, padding: "24px 0" }}>
        <Container
          style={{
            backgroundColor: "#ffffff",
            border: `1px solid ${colors.border}`,
            borderRadius: "12px",
            maxWidth: "560px",
            padding: "24px",
          }}
        >
          <Text style={{ color: colors.brand, fontSize: "14px", fontWeight: 700, margin: "0 0 16px" }}>Trägerkreis</Text>
          {banner}
          <Heading as="h1" style={{ color: colors.text, fontSize: "22px", lineHeight: "1.3", margin: "0 0 16px" }}>
            {heading}
          </Heading>
          {children}
          <Hr style={{ borderColor: colors.border, margin: "24px 0 16px" }} />
          <Text style={{ color: colors.muted, fontSize: "13px", lineHeight: "1.5", margin: 0 }}>{footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={{ color: colors.text, fontSize: "16px", lineHeight: "1.6", margin: "0 0 16px" }}>{children}</Text>;
}

/** A quoted message someone wrote (a join request, a coordinator's reply). */
export function Quote({ children }: { children: string }) {
  // Line breaks as <br>, so both the HTML and the text version keep the writer's lines.
  const lines = children.split(/\r?\n/);
  return (
    <Text
      style={{
        borderLeft: `4px solid ${colors.border}`,
        color: colors.text,
        fontSize: "16px",
        lineHeight: "1.6",
        margin: "0 0 16px",
        padding: "4px 0 4px 12px",
      }}
    >
      {lines.map((line, i) => (
        <Fragment key={i}>
          {i > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </Text>
  );
}

/** The mail's one action: a button, and the same link as text for programs that hide buttons. */
export function ActionButton({ href, children }: { href: string; children: string }) {
  return (
    <Section style={{ margin: "8px 0 24px" }}>
      {/* The text version gets the link from the line below, so the button is skipped there. */}
      <Button
        href={href}
        data-skip-in-text="true"
        style={{
          backgroundColor: colors.brand,
          borderRadius: "8px",
          color: "#ffffff",
          display: "inline-block",
          fontSize: "16px",
          fontWeight: 600,
          padding: "12px 20px",
          textDecoration: "none",
        }}
      >
        {children}
      </Button>
      <Text style={{ color: colors.muted, fontSize: "13px", lineHeight: "1.5", margin: "16px 0 0" }}>
        {children}: <Link href={href} style={{ color: colors.brand, wordBreak: "break-all" }}>{href}</Link>
      </Text>
    </Section>
  );
}

/** "Guten Tag Anna Berger," or, without a name, "Guten Tag,". */
export function greeting(name?: string | null): string {
  const trimmed = name?.trim();
  return trimmed ? `Guten Tag ${trimmed},` : "Guten Tag,";
}

/** 2. Dezember 2026, in German local time. */
export function formatDate(value: Date): string {
  return dayMonthYearText(value);
}
