// The app's one materials downloader, loaded with the library (not in the first-load bundle).
import { createDownloader } from "./materialsDownloader";

export const downloader = createDownloader();
