// French text of a sent reply's problems made on the phone; every key of ../en/replyProblems.ts.
import type { Translation } from "../../i18n/catalogue";
import type english from "../en/replyProblems";

const french: Translation<typeof english> = {
  replyTooLarge:
    "Cette réponse est trop volumineuse pour être envoyée. Enregistrez-la dans un fichier et transmettez-la à l’organisateur autrement.",
  relayNotOnPhone: "Cette réponse n’est pas sur ce téléphone.",
  relayNoKey:
    "Cette invitation a été ouverte avec une ancienne version de l’application ; ouvrez à nouveau l’invitation en ligne pour activer cette fonction.",
  refusedInvalidReply: "Cette réponse n’a pas la forme attendue.",
  refusedDuplicateInBatch:
    "Cette réponse figure deux fois dans le même envoi ; seule sa première copie a été prise en compte.",
  refusedUnknownCampaign: "Le questionnaire de cette réponse est inconnu du serveur.",
  refusedUnknownInvitation: "Le code d’invitation de cette réponse n’est pas connu pour ce questionnaire.",
  refusedCampaignWithdrawn: "L’organisateur a retiré ce questionnaire ; il ne prend plus de réponses.",
  refusedCampaignClosed: "Ce questionnaire est clos, ou sa date limite est passée ; il ne prend plus de réponses.",
  refusedCampaignNotOpenYet: "Ce questionnaire n’est pas encore ouvert aux réponses.",
  refusedInvitationArchived:
    "Cette invitation fait partie de données que l’organisateur a archivées ; elle ne prend plus de réponses.",
  refusedInvitationWithdrawn:
    "L’organisateur a retiré votre invitation à ce questionnaire ; il ne prend plus vos réponses.",
  refusedWrongQuestionnaireVersion:
    "Cette réponse a été faite pour une autre version du questionnaire que celle qui est collectée.",
  refusedInvalidAnswers: "Certaines réponses sont à revoir avant que cette réponse puisse être acceptée.",
  refusedStorage:
    "La base de données du serveur n’a pas pu enregistrer cette réponse telle quelle. Veuillez contacter l’organisateur.",
  refusedConflict:
    "Une autre réponse avec le même identifiant est déjà enregistrée. La réponse enregistrée a été conservée.",
  refusedInvalidSignature:
    "Ce fichier de réponse a été modifié après sa signature, ou n’a pas été fait par l’application du participant invité.",
  refusedUnreadableBatch:
    "Le serveur n’a pas pu lire cette réponse telle qu’elle a été envoyée. Veuillez contacter l’organisateur.",
  answerProblem: "{question} : {problem}",
};
export default french;
