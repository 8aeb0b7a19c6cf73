// A label and the text-like input it names, kept in step with one string value; every other input attribute passes through.
import { splitProps, type JSX } from "solid-js";

// Inputs only: a <select> given its attributes by spread gets its value before its options exist and shows the first
// option instead (solidjs/solid#1754), so selects keep their hand-written label.
type InputAttributes = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, "id" | "value" | "onInput">;

export function LabelledInput(
  props: InputAttributes & { id: string; label: JSX.Element; value: string; onValue: (value: string) => void },
) {
  const [own, attributes] = splitProps(props, ["id", "label", "value", "onValue"]);
  return (
    <>
      <label for={own.id}>{own.label}</label>
      <input {...attributes} id={own.id} value={own.value} onInput={(e) => own.onValue(e.currentTarget.value)} />
    </>
  );
}
