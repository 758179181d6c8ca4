// Server side of the "keine Sozialdaten" screen: the same pure function the form runs in the
// browser (app/utils/sozialdaten.ts), for actions that save a cover request's description. The
// database adds the last line of defence: publish_cover_request refuses a request without the
// requester's confirmation "enthält keine Sozialdaten".
export {
  screenSozialdaten,
  containsSozialdaten,
  SOZIALDATEN_HINWEIS,
  type SozialdatenFinding,
  type SozialdatenKind,
} from "~/utils/sozialdaten";
