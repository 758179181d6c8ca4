// The registry of bench cases, run in this order. A later feature adds its page here: a case with
// `seed` (reuse the circle through circleSeed(ctx), add its own rows) and `run` (measure, return rows).
import type { BenchCase } from "../types";
import { calendarCase } from "./calendar";
import { coverBoardCase } from "./cover-board";
import { coverPublishCase } from "./cover-publish";
import { directoryCase } from "./directory";
import { httpLoadCase } from "./http-load";
import { meetingsCase } from "./meetings";
import { notfallPushCase } from "./notfall-push";
import { projectsCase } from "./projects";
import { rlsCase } from "./rls";
import { trainingsCase } from "./trainings";
import { volumeCase } from "./volume";

export const cases: BenchCase[] = [
  directoryCase,
  coverPublishCase,
  coverBoardCase,
  trainingsCase,
  meetingsCase,
  projectsCase,
  calendarCase,
  notfallPushCase,
  volumeCase,
  rlsCase,
  httpLoadCase,
];
