// The app bar's later parts' catalogue (sync line, update prompt, text size): loaded with them after the first screen.
import { defineCatalogue } from "./catalogue";
import english from "../messages/en/appBar";

export const t = defineCatalogue(english, { fr: () => import("../messages/fr/appBar") });
