// Where the in-house log goes in the shipped versions 1 and 2 (data files beside them): published before questions
// could say so themselves, and a published definition never changes. Typed, not parsed: they ship with the build
// (tests/unit/inhouseSuggestion.test.ts checks them), and the parser would cost the participant's first load. The ids
// and versions are written out, not read from the definitions: importing those would put both questionnaires in the
// first screen's code and parse them while it starts (~120 ms at 4× CPU throttle).
import followUpV1InhouseLog from "./follow-up-v1.inhouse-log.json";
import followUpV2InhouseLog from "./follow-up-v2.inhouse-log.json";
import type { InhouseLogTarget } from "../questionnaire";

export type ShippedInhouseLogTarget = InhouseLogTarget & { question: string };

export const shippedInhouseLogTargets: ReadonlyArray<{ id: string; version: number; target: ShippedInhouseLogTarget }> =
  [
    { id: "follow-up", version: 1, target: followUpV1InhouseLog },
    { id: "follow-up", version: 2, target: followUpV2InhouseLog },
  ];
