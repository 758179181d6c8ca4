// The cover screens use the shared server screen (app/.server/sozialdaten.ts).
export * from "../sozialdaten";
