// Where the in-house log goes in the shipped versions 1 and 2 (data files beside them): published before questions
// could say so themselves, and a published definition never changes. Typed, not parsed: they ship with the build
// (tests/unit/inhouseSuggestion.test.ts checks them), and the parser would cost the participant's first load.
import followUpV1InhouseLog from "./follow-up-v1.inhouse-log.json";
import followUpV2InhouseLog from "./follow-up-v2.inhouse-log.json";
import type { InhouseLogTarget } from "../questionnaire";
import { followUpV1, followUpV2 } from ".";

export type ShippedInhouseLogTarget = InhouseLogTarget & { question: string };

export const shippedInhouseLogTargets: ReadonlyArray<{ id: string; version: number; target: ShippedInhouseLogTarget }> =
  [
    { id: followUpV1.id, version: followUpV1.version, target: followUpV1InhouseLog },
    { id: followUpV2.id, version: followUpV2.version, target: followUpV2InhouseLog },
  ];
