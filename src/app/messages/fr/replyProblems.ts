// French text of a sent reply's problems made on the phone; every key of ../en/replyProblems.ts.
import type { Translation } from "../../i18n/catalogue";
import type english from "../en/replyProblems";

const french: Translation<typeof english> = {
  replyTooLarge:
    "Cette réponse est trop volumineuse pour être envoyée. Enregistrez-la dans un fichier et transmettez-la à l’organisateur autrement.",
  relayNotOnPhone: "Cette réponse n’est pas sur ce téléphone.",
  relayNoKey:
    "Cette invitation a été ouverte avec une ancienne version de l’application ; ouvrez à nouveau l’invitation en ligne pour activer cette fonction.",
};
export default french;
