// One accessible progress bar for downloads, packs and imports.
export function ProgressBar(props: { value: number; max: number; label: string }) {
  const percent = () => (props.max > 0 ? Math.min(100, Math.round((props.value / props.max) * 100)) : 0);
  return (
    <div
      class="progress-track"
      role="progressbar"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent()}
    >
      <div class="progress-fill" style={{ width: `${percent()}%` }} />
    </div>
  );
}
