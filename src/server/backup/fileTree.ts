// Walking a folder's regular files and hashing them: the pieces both backup and restore check files with.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";

export interface TreeEntry {
  /** Relative to the walked root, `/`-separated. */
  path: string;
  kind: "file" | "directory" | "other";
}

/** Every entry under `root` (depth first), without following symbolic links; none when `root` does not exist. */
export async function walkTree(root: string, prefix = ""): Promise<TreeEntry[]> {
  let names: string[];
  try {
    names = (await readdir(join(root, prefix))).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" && prefix === "") return [];
    throw error;
  }
  const entries: TreeEntry[] = [];
  for (const name of names) {
    const path = prefix === "" ? name : `${prefix}/${name}`;
    const stats = await lstat(join(root, path));
    if (stats.isDirectory()) {
      entries.push({ path, kind: "directory" }, ...(await walkTree(root, path)));
    } else {
      entries.push({ path, kind: stats.isFile() ? "file" : "other" });
    }
  }
  return entries;
}

export async function sha256OfFile(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 512 * 1024 })) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    hash.update(bytes);
  }
  return { sha256: hash.digest("hex"), size };
}
