// The two curation choices, a tag and a report heading, as labelled selects: one answer's card and bulk tagging share them.
import { For } from "solid-js";
import { ANSWER_TAGS, REPORT_HEADINGS, type AnswerTag, type ReportHeading } from "../../../shared/feedback";
import { repliesText as t } from "./consoleText";
import { reportHeadingName } from "../../i18n/feedbackMessages";

export function TagAndHeadingSelects(props: {
  /** Makes the select ids unique on the page: `${idPrefix}-tag`, `${idPrefix}-heading`. */
  idPrefix: string;
  tag: AnswerTag | "";
  heading: ReportHeading | "";
  onTag: (tag: AnswerTag | "") => void;
  onHeading: (heading: ReportHeading | "") => void;
  /** What the empty choice says ("Not tagged — choose…" on a card, "Choose a tag…" for bulk tagging). */
  noTag: string;
  noHeading: string;
}) {
  return (
    <>
      <label for={`${props.idPrefix}-tag`}>{t("tag")}</label>
      <select
        id={`${props.idPrefix}-tag`}
        value={props.tag}
        onChange={(e) => props.onTag(e.currentTarget.value as AnswerTag | "")}
      >
        <option value="">{props.noTag}</option>
        <For each={ANSWER_TAGS}>{(tag) => <option value={tag}>{t(`tag_${tag}`)}</option>}</For>
      </select>
      <label for={`${props.idPrefix}-heading`}>{t("reportHeading")}</label>
      <select
        id={`${props.idPrefix}-heading`}
        value={props.heading}
        onChange={(e) => props.onHeading(e.currentTarget.value as ReportHeading | "")}
      >
        <option value="">{props.noHeading}</option>
        <For each={REPORT_HEADINGS}>{(h) => <option value={h}>{reportHeadingName(h)}</option>}</For>
      </select>
    </>
  );
}
