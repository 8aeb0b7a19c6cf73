// The line under a form that says, for screen readers too, why the last attempt did not go through.
import { Show } from "solid-js";

export function FormProblem(props: { problem: string | null | undefined }) {
  return (
    <Show when={props.problem}>
      <p class="field-error" role="alert">
        {props.problem}
      </p>
    </Show>
  );
}
