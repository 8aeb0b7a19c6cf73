// Layout is written with logical properties (margin-inline-start, inset-inline-start, text-align: start) so a
// right-to-left language only needs a catalogue: a physical left or right in the app's CSS, or in a participant
// screen's inline style, fails here.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const appDir = join(import.meta.dirname, "../../src/app");

function filesUnder(dir: string, ending: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, ending) : ending.test(name) ? [path] : [];
  });
}

/** margin-left, padding-right, border-left(-width…), left:, right:, text-align/float/clear: left|right. */
const PHYSICAL_SIDE =
  /(?<![\w-])(?:(?:margin|padding|border|scroll-margin|scroll-padding)-(?:left|right)(?:-[a-z]+)?|left|right)\s*:|(?:text-align|float|clear)\s*:\s*(?:left|right)\b|border-(?:top|bottom)-(?:left|right)-radius/i;
/** The same in a Solid inline style object: { "margin-left": …, left: …, textAlign: "right" }. */
const PHYSICAL_SIDE_INLINE =
  /style=\{\{[^}]*(?:["']?(?:(?:margin|padding|border)-(?:left|right)|left|right)["']?\s*:|["']?(?:text-align|float)["']?\s*:\s*["'](?:left|right)["'])/;

export function physicalSides(source: string, pattern: RegExp): string[] {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .split("\n")
    .filter((line) => pattern.test(line))
    .map((line) => line.trim());
}

describe("logical CSS", () => {
  it("finds physical sides, and passes logical ones", () => {
    const css = "a { margin-left: 1px; inset-inline-start: 0; text-align: right; right: 0; border-left-width: 2px }";
    expect(physicalSides(css.replaceAll("; ", ";\n"), PHYSICAL_SIDE)).toEqual([
      "a { margin-left: 1px;",
      "text-align: right;",
      "right: 0;",
      "border-left-width: 2px }",
    ]);
    expect(
      physicalSides("p { margin-inline-start: 1px; text-align: start; inset-inline-end: 0 }", PHYSICAL_SIDE),
    ).toEqual([]);
    expect(physicalSides(`<p style={{ "margin-left": "1rem" }} />`, PHYSICAL_SIDE_INLINE)).toHaveLength(1);
  });

  for (const file of filesUnder(appDir, /\.css$/))
    it(`${relative(appDir, file)} has no physical left or right`, () =>
      expect(physicalSides(readFileSync(file, "utf8"), PHYSICAL_SIDE)).toEqual([]));

  it("participant screens' inline styles have no physical left or right", () => {
    const screens = filesUnder(appDir, /\.tsx$/).filter((file) => !file.includes("/features/console/"));
    const found = screens.flatMap((file) =>
      physicalSides(readFileSync(file, "utf8"), PHYSICAL_SIDE_INLINE).map(
        (line) => `${relative(appDir, file)}: ${line}`,
      ),
    );
    expect(found).toEqual([]);
  });
});
