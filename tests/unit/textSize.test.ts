// The reader's text size choice, kept in the phone's database: read back as chosen, normal when unset or unknown.
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { writeMetaValue } from "../../src/app/store/meta";
import { readTextSize, saveTextSize } from "../../src/app/store/textSize";
import { resetDb } from "./support/fixtures";

beforeEach(resetDb);

describe("the text size kept on the phone", () => {
  it("is normal until the reader chooses one", async () => {
    expect(await readTextSize()).toBe("normal");
  });

  it("gives back the size last chosen", async () => {
    await saveTextSize("larger");
    await saveTextSize("large");
    expect(await readTextSize()).toBe("large");
  });

  it("falls back to normal when what is stored is not a size it knows", async () => {
    await writeMetaValue("textSize", "huge");
    expect(await readTextSize()).toBe("normal");
  });
});
