// A sent reply's page's catalogue: English bundled with its chunk, French fetched when chosen (its own chunk).
import { defineCatalogue } from "./catalogue";
import english from "../messages/en/reply";

export const t = defineCatalogue(english, { fr: () => import("../messages/fr/reply") });
