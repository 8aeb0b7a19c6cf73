// The library screens' catalogue: English bundled with the library's chunk, French fetched when chosen (its own chunk).
import { defineCatalogue } from "./catalogue";
import english from "../messages/en/library";

export const t = defineCatalogue(english, { fr: () => import("../messages/fr/library") });
