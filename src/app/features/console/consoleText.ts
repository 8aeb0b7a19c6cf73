// The console's catalogues, one per group of screens (messages/<language>/*.ts beside this file): English and French
// both come with the console's chunk (vite.config.ts), which participants never download; the language is the app's
// one choice (LanguageControl in the console bar), kept on the device.
import { defineCatalogue } from "../../i18n/catalogue";
import frame from "./messages/en/frame";
import workshops from "./messages/en/workshops";
import admin from "./messages/en/admin";
import questionnaires from "./messages/en/questionnaires";
import campaigns from "./messages/en/campaigns";
import imports from "./messages/en/imports";
import replies from "./messages/en/replies";
import reports from "./messages/en/reports";
import editor from "./messages/en/editor";
import errors from "./messages/en/errors";

export const frameText = defineCatalogue(frame, { fr: () => import("./messages/fr/frame") });
export const adminText = defineCatalogue(admin, { fr: () => import("./messages/fr/admin") });
export const questionnairesText = defineCatalogue(questionnaires, {
  fr: () => import("./messages/fr/questionnaires"),
});
export const workshopsText = defineCatalogue(workshops, { fr: () => import("./messages/fr/workshops") });
export const campaignsText = defineCatalogue(campaigns, { fr: () => import("./messages/fr/campaigns") });
export const importsText = defineCatalogue(imports, { fr: () => import("./messages/fr/imports") });
export const repliesText = defineCatalogue(replies, { fr: () => import("./messages/fr/replies") });
export const reportsText = defineCatalogue(reports, { fr: () => import("./messages/fr/reports") });
export const editorText = defineCatalogue(editor, { fr: () => import("./messages/fr/editor") });
export const errorsText = defineCatalogue(errors, { fr: () => import("./messages/fr/errors") });
