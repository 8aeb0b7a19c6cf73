// "Pause all" / "Resume all" for a set of downloads: each button shows only when there is something to act on.
import { Show } from "solid-js";
import { t } from "../../i18n/libraryMessages";

export function PauseResumeAll(props: {
  pausable: string[];
  paused: string[];
  onPause: (sha256s: string[]) => void;
  onResume: (sha256s: string[]) => void;
}) {
  return (
    <div class="button-row">
      <Show when={props.pausable.length > 0}>
        <button type="button" class="button" onClick={() => props.onPause(props.pausable)}>
          {t("pauseAll")}
        </button>
      </Show>
      <Show when={props.paused.length > 0}>
        <button type="button" class="button" onClick={() => props.onResume(props.paused)}>
          {t("resumeAll")}
        </button>
      </Show>
    </div>
  );
}
