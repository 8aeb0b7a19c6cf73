// The catalogue of a sent reply's screen, the participant's copy of it and a reply's attachments: loaded with those
// lazy modules, never in the first load.
import { defineCatalogue } from "./catalogue";
import english from "../messages/en/reply";

export const t = defineCatalogue(english, { fr: () => import("../messages/fr/reply") });
