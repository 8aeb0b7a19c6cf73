// French text of one sent reply's page (../en/reply.ts).
import type { Translation } from "../../i18n/catalogue";
import type english from "../en/reply";

const french: Translation<typeof english> = {
  explainWaiting:
    "Votre réponse est enregistrée sur ce téléphone. Elle sera envoyée automatiquement dès que le serveur de l’organisateur sera joignable — vous pouvez fermer l’application.",
  explainSending: "Envoi de votre réponse en cours…",
  explainSent: "L’organisateur a reçu votre réponse. Elle reste ici comme trace.",
  explainNeedsAttention:
    "Le serveur de l’organisateur n’a pas accepté cette réponse. Elle est toujours enregistrée sur ce téléphone.",
  loading: "Chargement…",
  replyNotFound: "Réponse introuvable",
  replyNotOnPhone: "Cette réponse n’est pas sur ce téléphone.",
  home: "Accueil",
  yourReply: "Votre réponse",
  receipt: "Accusé de réception {id}, reçu le {time}.",
  submittedAttempts: "Envoyée le {time}. Tentatives jusqu’ici : {attempts}.",
  trySendingNow: "Essayer d’envoyer maintenant",
  giveToDeliver: "La confier à quelqu’un pour la transmettre",
  relayExplained:
    "Pas de connexion depuis longtemps ? Enregistrez la réponse dans un fichier et confiez-la à un·e collègue dont le téléphone se connecte ; elle n’est envoyée qu’une fois, et ce téléphone l’affichera ensuite comme envoyée.",
  reason: "Motif :",
  fixAndSend: "Corriger et renvoyer",
  saveAsFile: "Enregistrer la réponse dans un fichier",
  discard: "Abandonner cette réponse…",
  discardQuestion:
    "Supprimer définitivement cette réponse de ce téléphone ? L’organisateur ne l’a jamais reçue. Pensez d’abord à l’enregistrer dans un fichier.",
  keepIt: "La garder",
  yesDelete: "Oui, la supprimer",
  yourAnswers: "Vos réponses",
  copyExplained:
    "Une copie en fichier texte : partagez-la vers votre messagerie ou vos notes, ou gardez-la sur le téléphone.",
  keepCopy: "Garder une copie de ma réponse",
  backToQuestionnaires: "Retour à vos questionnaires",
};
export default french;
