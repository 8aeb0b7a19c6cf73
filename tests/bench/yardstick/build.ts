// Builds the yardstick with vite into a directory, with the same plugins Outrigger uses (Solid, PWA injectManifest).
import { fileURLToPath } from "node:url";
import { build } from "vite";
import solid from "vite-plugin-solid";
import { VitePWA } from "vite-plugin-pwa";

const root = fileURLToPath(new URL(".", import.meta.url));

export async function buildYardstick(outDir: string): Promise<void> {
  await build({
    root,
    configFile: false,
    logLevel: "warn",
    publicDir: false,
    build: { outDir, emptyOutDir: true, target: "es2020" },
    plugins: [
      solid(),
      VitePWA({
        strategies: "injectManifest",
        srcDir: ".",
        filename: "sw.ts",
        injectRegister: false,
        manifest: false,
        injectManifest: { globPatterns: ["**/*.{js,css,html}"] },
      }),
    ],
  });
}
