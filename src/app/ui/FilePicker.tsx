// A labelled file input that hands the chosen files over and then clears itself, so choosing the same file again
// is noticed too.
export function FilePicker(props: {
  id: string;
  label: string;
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  onFiles: (files: FileList) => Promise<unknown>;
}) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="file"
        accept={props.accept}
        multiple={props.multiple}
        disabled={props.disabled}
        onChange={(e) => {
          const input = e.currentTarget;
          if (input.files && input.files.length > 0) void props.onFiles(input.files).then(() => (input.value = ""));
        }}
      />
    </>
  );
}
