// The feedback screen's catalogue: English bundled with the screen's chunk, French fetched when chosen (its own chunk).
import { defineCatalogue } from "./catalogue";
import english from "../messages/en/feedback";
import type { ReportHeading } from "../../shared/feedback";

export const t = defineCatalogue(english, { fr: () => import("../messages/fr/feedback") });

/** A report heading's name in the chosen language: the phone's feedback and the console's curation name them alike. */
export const reportHeadingName = (heading: ReportHeading): string => t(`heading_${heading}`);
