// The reply screen's problems catalogue: English bundled with the reply screen's chunk, French fetched when chosen.
import { defineCatalogue } from "./catalogue";
import english from "../messages/en/replyProblems";

export const t = defineCatalogue(english, { fr: () => import("../messages/fr/replyProblems") });
