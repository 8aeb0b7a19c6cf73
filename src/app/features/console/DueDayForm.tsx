// The campaign page's due-date form: a calendar day, sent as typed (never through UTC).
import { createSignal } from "solid-js";
import { campaignsText as t } from "./consoleText";
import { LabelledInput } from "../../ui/LabelledInput";

/** Moves the due date (a calendar day, sent as typed: never through UTC). The server refuses one before opening. */
export function DueDayForm(props: { dueOn: string; onChange: (dueOn: string) => void }) {
  // Undefined until the organiser picks a day: the stored one shows meanwhile.
  const [picked, setPicked] = createSignal<string>();
  const day = () => picked() ?? props.dueOn;
  return (
    <form
      class="due-day no-print"
      onSubmit={(e) => {
        e.preventDefault();
        if (day() !== "") props.onChange(day());
      }}
    >
      <LabelledInput
        id="campaign-due-day"
        label={t("dueDate")}
        type="date"
        required
        value={day()}
        onValue={setPicked}
      />
      <button type="submit" class="button small">
        {t("changeDueDate")}
      </button>
    </form>
  );
}
