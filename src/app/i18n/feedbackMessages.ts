// The feedback screen's catalogue: English bundled with the screen's chunk, French fetched when chosen (its own chunk).
import { defineCatalogue } from "./catalogue";
import english from "../messages/en/feedback";

export const t = defineCatalogue(english, { fr: () => import("../messages/fr/feedback") });
