// The report-bindings panel's edits: binding a question guesses the obvious, an option counts in one place only.
import { describe, expect, it } from "vitest";
import { followUpV1, followUpV2 } from "../../src/shared/questionnaires";
import { shippedReportBindings } from "../../src/shared/questionnaires/reportBindings";
import { bindingIssues, UNBOUND } from "../../src/shared/report/bindings";
import {
  bindableQuestions,
  optionsOf,
  withActionOption,
  withActionsQuestion,
  withYesNoOption,
  withYesNoQuestion,
} from "../../src/app/features/console/reportBindingEdits";

describe("report binding edits", () => {
  it("binding v1 and v2 from nothing, question by question, gives their shipped bindings", () => {
    for (const [definition, shipped] of [
      [followUpV1, shippedReportBindings[0].bindings],
      [followUpV2, shippedReportBindings[1].bindings],
    ] as const) {
      let bindings = withActionsQuestion(definition, UNBOUND, "followUpActions");
      bindings = withYesNoQuestion(definition, bindings, "directEffects", "directEffects");
      bindings = withYesNoQuestion(definition, bindings, "efficiency", "efficiencyImproved");
      bindings = withYesNoQuestion(definition, bindings, "newProjects", "newProjects");
      expect(bindings).toEqual(shipped);
    }
  });

  it("offers only questions a table can read", () => {
    expect(bindableQuestions(followUpV2, "actions").map((q) => q.id)).toEqual(["followUpActions"]);
    expect(bindableQuestions(followUpV2, "yesNo").map((q) => q.id)).toEqual([
      "directEffects",
      "efficiencyImproved",
      "newProjects",
      "preferredFormat",
    ]);
    expect(optionsOf(followUpV1, "directEffects")).toEqual([
      { value: "yes", label: "Yes" },
      { value: "no", label: "No / not yet" },
    ]);
  });

  it("moves an option ticked for another column out of the first, so it never counts twice", () => {
    const v2 = shippedReportBindings[1].bindings;
    const moved = withActionOption(v2, "shared_materials", "other", true);
    expect(moved.followUpActions!.columns.shared_materials).toEqual(["shared_materials", "other"]);
    expect(moved.followUpActions!.columns.other).toEqual([]);
    expect(bindingIssues(followUpV2, moved)).toEqual([]);
    const unticked = withActionOption(moved, "shared_materials", "other", false);
    expect(unticked.followUpActions!.columns.shared_materials).toEqual(["shared_materials"]);
  });

  it("moves an answer ticked as yes out of no", () => {
    const v2 = shippedReportBindings[1].bindings;
    const both = withYesNoOption(v2, "directEffects", "yes", "no", true);
    expect(both.directEffects).toEqual({ question: "directEffects", yes: ["yes", "no"], no: [] });
    expect(withActionsQuestion(followUpV2, v2, null).followUpActions).toBeNull();
  });
});
