// The first-load screens' catalogue: English bundled, other languages fetched when chosen (their own chunk).
import { defineCatalogue } from "./catalogue";
import english from "../messages/en/core";

export const t = defineCatalogue(english, { fr: () => import("../messages/fr/core") });
