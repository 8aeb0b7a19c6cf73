// The sent reply's screen catalogue (and the participant's copy of it): loaded with that lazy screen.
import { defineCatalogue } from "./catalogue";
import english from "../messages/en/reply";

export const t = defineCatalogue(english, { fr: () => import("../messages/fr/reply") });
