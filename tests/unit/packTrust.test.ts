// An unsigned pack never replaces or shadows what the phone holds as verified, and "Verified" covers everything shown
// beside it: the workshop's title and dates as well as the materials.
import "fake-indexeddb/auto";
import { unzipSync, zipSync } from "fflate";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../src/app/store/db";
import { createPackImportStore, listUnverifiedPacks, recordImportedPack } from "../../src/app/store/packStore";
import type { Material } from "../../src/shared/materials";
import { PACK_MANIFEST_PATH, type PackManifest } from "../../src/shared/pack";
import { readPack, writePack } from "../../src/shared/packs";
import {
  WORKSHOP,
  bytesSource,
  chunksOf,
  makeKeyPair,
  material,
  memorySink,
  patternBytes,
  type TestKey,
} from "../fixtures/packSupport";
import { resetDb } from "./support/fixtures";

const guide = patternBytes(50_000, 1);
const slides = patternBytes(20_000, 2);
const materials: Material[] = [
  material("m-guide", "RKC guide", "guide.pdf", guide),
  material("m-slides", "Day 1 slides", "slides.pdf", slides),
];
const bytesOf: Record<string, Uint8Array> = { "m-guide": guide, "m-slides": slides };

let key: TestKey;
beforeAll(async () => {
  key = await makeKeyPair();
});
beforeEach(resetDb);

/** A pack as the phone makes it: the server's manifest, with its workshop, signed as the server signs (payload 2) unless told otherwise. */
async function makePack(options: {
  signed: boolean;
  withWorkshop?: boolean;
  materials?: Material[];
  workshopTitle?: string;
  version?: string;
}): Promise<Uint8Array> {
  const list = options.materials ?? materials;
  const workshop = { ...WORKSHOP, ...(options.workshopTitle ? { title: options.workshopTitle } : {}) };
  const manifest = {
    workshopId: WORKSHOP.id,
    version: options.version ?? "v1",
    materials: list,
    ...(options.withWorkshop === false ? {} : { workshop }),
  };
  const sink = memorySink();
  await writePack(
    {
      workshop,
      manifest,
      ...(options.signed ? { signature: await key.sign(manifest) } : {}),
      appVersion: "test",
      files: list.map((m) => ({ material: m, read: () => chunksOf(bytesOf[m.id]) })),
    },
    sink,
  );
  return sink.bytes();
}

/** The same pack with its manifest.json edited after signing. */
function doctor(bytes: Uint8Array, change: (manifest: PackManifest) => void): Uint8Array {
  const all = unzipSync(bytes);
  const manifest = JSON.parse(new TextDecoder().decode(all[PACK_MANIFEST_PATH])) as PackManifest;
  change(manifest);
  return zipSync({ ...all, [PACK_MANIFEST_PATH]: new TextEncoder().encode(JSON.stringify(manifest)) }, { level: 0 });
}

const importPack = async (bytes: Uint8Array) => {
  const result = await readPack(bytesSource(bytes), createPackImportStore(), { signingKey: key.signingKey });
  await recordImportedPack(result);
  return result;
};

describe("unverified packs on a phone with a verified library", () => {
  it("an unsigned pack of the same version leaves the verified list unchanged and lands apart, marked not verified", async () => {
    const verified = await importPack(await makePack({ signed: true }));
    expect(verified.verification).toMatchObject({ status: "verified", covers: "workshop" });
    const before = await db.manifests.get(WORKSHOP.id);
    expect(before?.materials.map((m) => m.title)).toEqual(["RKC guide", "Day 1 slides"]);

    const doctoredList = [{ ...materials[0], title: "RKC guide (pay the fee to account 123)" }, materials[1]];
    const unsigned = await importPack(
      await makePack({ signed: false, materials: doctoredList, workshopTitle: "Urgent: new customs fees" }),
    );
    expect(unsigned.verification).toEqual({ status: "not_verified", reason: "no_signature" });

    const after = await db.manifests.get(WORKSHOP.id);
    expect(after?.materials.map((m) => m.title)).toEqual(["RKC guide", "Day 1 slides"]);
    expect(after?.version).toBe("v1");
    expect(after?.signature).toEqual(before?.signature);
    expect((await db.workshops.get(WORKSHOP.id))?.title).toBe(WORKSHOP.title);
    expect((await db.offlineChoices.toArray()).map((c) => [c.materialId, c.sha256]).sort()).toEqual(
      materials.map((m) => [m.id, m.sha256]).sort(),
    );

    const apart = await listUnverifiedPacks();
    expect(apart).toHaveLength(1);
    expect(apart[0]).toMatchObject({
      workshopId: WORKSHOP.id,
      verified: false,
      reason: "no_signature",
      workshop: { title: "Urgent: new customs fees" },
    });
    expect(apart[0].materials.map((m) => m.title)).toEqual(["RKC guide (pay the fee to account 123)", "Day 1 slides"]);
  });

  it("an unsigned pack for a workshop the phone does not know still lands apart, never in the library", async () => {
    await importPack(await makePack({ signed: false }));
    expect(await db.manifests.count()).toBe(0);
    expect(await db.workshops.count()).toBe(0);
    expect(await db.offlineChoices.count()).toBe(0);
    expect((await listUnverifiedPacks()).map((p) => p.workshopId)).toEqual([WORKSHOP.id]);
  });
});

describe("what a signature covers", () => {
  it("a signed pack whose workshop title was changed afterwards is not verified, and does not reach the library", async () => {
    const bytes = doctor(await makePack({ signed: true }), (m) => {
      m.workshop.title = "Urgent: new customs fees";
    });
    const result = await importPack(bytes);
    expect(result.verification).toEqual({ status: "not_verified", reason: "bad_signature" });
    expect(await db.manifests.count()).toBe(0);
  });

  it("a signed pack whose signed workshop copy and shown workshop were both changed is not verified", async () => {
    const bytes = doctor(await makePack({ signed: true }), (m) => {
      m.workshop.endsOn = "2030-01-01";
      if (m.manifest.workshop) m.manifest.workshop.endsOn = "2030-01-01";
    });
    expect((await importPack(bytes)).verification).toEqual({ status: "not_verified", reason: "bad_signature" });
  });

  it("a signed pack whose material title was changed afterwards is not verified", async () => {
    const bytes = doctor(await makePack({ signed: true }), (m) => {
      m.manifest.materials[0].title = "Doctored";
    });
    expect((await importPack(bytes)).verification).toEqual({ status: "not_verified", reason: "bad_signature" });
  });

  it("a pack signed before workshops were signed (payload 1) still reads as verified, for its materials", async () => {
    const result = await importPack(await makePack({ signed: true, withWorkshop: false }));
    expect(result.verification).toMatchObject({ status: "verified", covers: "materials" });
    expect((await db.manifests.get(WORKSHOP.id))?.materials).toHaveLength(2);
  });
});
