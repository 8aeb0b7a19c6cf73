// What a console form shows when someone else saved the same record since it was loaded: who and when, the two
// versions field by field, and the choice of saving over theirs or taking theirs.
import { For, Show, createUniqueId } from "solid-js";
import { CHANGED_ELSEWHERE } from "../../../shared/editConflicts";
import type { ConsoleResult } from "../../sync/consoleClient";
import { formattingLocale } from "../../i18n/language";
import { frameText as t } from "./consoleText";

/** The record as it now stands on the server (with its new `version`), from a 409 changed_elsewhere. */
export interface EditConflict {
  current: Record<string, unknown> & { version: number; updatedAt?: string; updatedBy?: string };
}

/** The conflict in a failed save, or undefined for any other failure. */
export function editConflictOf(result: ConsoleResult<unknown>): EditConflict | undefined {
  if (result.ok || result.error.code !== CHANGED_ELSEWHERE || !result.current) return undefined;
  if (typeof result.current.version !== "number") return undefined;
  return { current: result.current as EditConflict["current"] };
}

function shown(value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  if (Array.isArray(value)) return value.length === 0 ? "—" : value.join(", ");
  if (typeof value === "boolean") return value ? t("valueYes") : t("valueNo");
  return String(value);
}

function clockTime(iso: string | undefined): string {
  if (!iso) return "";
  const time = new Date(iso).toLocaleTimeString(formattingLocale(), {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  return t("conflictAtTime", { time });
}

export function EditConflictNotice(props: {
  conflict: EditConflict;
  /** The form's values, keyed like the record. */
  mine: Record<string, unknown>;
  /** The fields to compare, with their labels, in the form's order. */
  labels: Record<string, string>;
  onKeepMine: () => void;
  onUseTheirs: () => void;
}) {
  // A page may show several forms' notices at once (the campaign page: each e-mail wording, the feedback).
  const headingId = `edit-conflict-${createUniqueId()}`;
  const rows = () =>
    Object.entries(props.labels).map(([field, label]) => ({
      label,
      mine: shown(props.mine[field]),
      theirs: shown(props.conflict.current[field]),
    }));
  return (
    <section class="card" role="alert" aria-labelledby={headingId} data-testid="edit-conflict">
      <h3 id={headingId}>
        {t("conflictChangedBy", {
          who: props.conflict.current.updatedBy ?? t("conflictAnotherOrganiser"),
          when: clockTime(props.conflict.current.updatedAt),
        })}
      </h3>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("conflictField")}</th>
              <th scope="col">{t("conflictYours")}</th>
              <th scope="col">{t("conflictNowSaved")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(row) => (
                <tr classList={{ "conflict-differs": row.mine !== row.theirs }}>
                  <th scope="row">
                    {row.label}
                    <Show when={row.mine !== row.theirs}>
                      <span class="muted">{t("conflictDiffers")}</span>
                    </Show>
                  </th>
                  <td>{row.mine}</td>
                  <td>{row.theirs}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <div class="button-row">
        <button type="button" class="button primary" onClick={() => props.onKeepMine()}>
          {t("conflictKeepMine")}
        </button>
        <button type="button" class="button" onClick={() => props.onUseTheirs()}>
          {t("conflictUseTheirs")}
        </button>
      </div>
    </section>
  );
}
