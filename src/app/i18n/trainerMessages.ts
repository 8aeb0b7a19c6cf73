// The trainer's sharing screens' catalogue: English bundled with their chunk, French fetched when chosen (its own chunk).
import { defineCatalogue } from "./catalogue";
import english from "../messages/en/trainer";

export const t = defineCatalogue(english, { fr: () => import("../messages/fr/trainer") });
