// Where a pack being written goes: the origin-private file system when the browser has it, so a
// 300 MB pack is written to disk piece by piece instead of being held in memory.
export interface PackSink {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export interface PackFileTarget {
  sink: PackSink;
  /** The finished file, ready to share or save. */
  file(): Promise<File>;
}

const PACK_FOLDER = "packs";

export async function createPackFile(name: string): Promise<PackFileTarget> {
  const storage = navigator.storage as StorageManager & { getDirectory?: () => Promise<FileSystemDirectoryHandle> };
  if (typeof storage?.getDirectory === "function") {
    try {
      const root = await storage.getDirectory();
      // Only the latest pack is kept: older ones were shared already and only take space.
      await root.removeEntry(PACK_FOLDER, { recursive: true }).catch(() => undefined);
      const folder = await root.getDirectoryHandle(PACK_FOLDER, { create: true });
      const handle = await folder.getFileHandle(name, { create: true });
      const writable = await handle.createWritable();
      return {
        sink: { write: (chunk) => writable.write(chunk as Uint8Array<ArrayBuffer>), close: () => writable.close() },
        file: async () => {
          const written = await handle.getFile();
          return new File([written], name, { type: "application/zip" });
        },
      };
    } catch {
      // Fall through: some browsers expose the API but refuse writable streams.
    }
  }
  // Without it, the pieces are kept as separate Blobs, which the browser may keep on disk.
  const parts: Blob[] = [];
  return {
    sink: {
      write: async (chunk) => void parts.push(new Blob([chunk as Uint8Array<ArrayBuffer>])),
      close: async () => undefined,
    },
    file: async () => new File(parts, name, { type: "application/zip" }),
  };
}
