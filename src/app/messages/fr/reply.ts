// French text of one sent reply's screen, the participant's copy of it and a reply's attachments (../en/reply.ts).
import type { Translation } from "../../i18n/catalogue";
import type english from "../en/reply";

const french: Translation<typeof english> = {
  loading: "Chargement…",
  notFoundHeading: "Réponse introuvable",
  notFoundExplained: "Cette réponse n’est pas sur ce téléphone.",
  home: "Accueil",
  heading: "Votre réponse",
  explainWaiting:
    "Votre réponse est enregistrée sur ce téléphone. Elle sera envoyée automatiquement dès que le serveur de l’organisateur sera joignable — vous pouvez fermer l’application.",
  explainSending: "Envoi de votre réponse…",
  explainSent: "L’organisateur a reçu votre réponse. Elle reste ici comme trace.",
  explainNeedsAttention:
    "Le serveur de l’organisateur n’a pas accepté cette réponse. Elle reste enregistrée sur ce téléphone.",
  receipt: "Accusé de réception",
  receivedOn: ", reçu le {time}.",
  submittedAttempts: "Envoyée le {time}. Tentatives jusqu’ici : {attempts}.",
  trySendingNow: "Essayer d’envoyer maintenant",
  giveToDeliver: "La confier à quelqu’un pour l’envoyer",
  deliveryExplained:
    "Pas de connexion depuis longtemps ? Enregistrez la réponse dans un fichier et confiez-la à un collègue dont le téléphone se connecte ; elle n’est envoyée qu’une fois, et ce téléphone l’affichera ensuite comme envoyée.",
  reason: "Motif :",
  fixAndSendAgain: "Corriger et renvoyer",
  saveAsFile: "Enregistrer la réponse dans un fichier",
  discardReply: "Supprimer cette réponse…",
  discardQuestion:
    "Supprimer définitivement cette réponse de ce téléphone ? L’organisateur ne l’a jamais reçue. Pensez à l’enregistrer d’abord dans un fichier.",
  keepIt: "La garder",
  yesDeleteIt: "Oui, la supprimer",
  yourAnswers: "Vos réponses",
  copyExplained:
    "Une copie en fichier texte : envoyez-la vers votre messagerie ou vos notes, ou gardez-la sur le téléphone.",
  keepCopy: "Garder une copie de ma réponse",
  backToQuestionnaires: "Retour à vos questionnaires",
  copyTitle: "Ma réponse de suivi",
  copyInvitation: "Invitation : {code}",
  copySubmitted: "Envoyée : {time}",
  copyState: "État : {state}",
  copyReceipt: "Accusé de réception : {receipt}, reçu le {time}",

  attachmentsHeading: "Pièces jointes (facultatif)",
  attachmentsExplained:
    "Votre rapport d’atelier, des photos d’une session interne, une nouvelle procédure… jusqu’à 5 fichiers de 20 Mo. Ils sont envoyés après votre réponse et reprennent là où ils s’étaient arrêtés si la connexion est coupée.",
  addFiles: "Ajouter des fichiers",
  attachmentOnPhone: "sur ce téléphone — envoyé après la réponse",
  attachmentUploading: "envoi en cours, {percent} %",
  attachmentUploaded: "reçu par l’organisateur",
  attachmentFailed: "refusé par le serveur",
  attachmentFailedBecause: "refusé par le serveur : {problem}",
  attachmentRefusedType:
    "« {name} » ne peut pas être joint : utilisez un PDF, une photo (JPEG, PNG, WebP), un fichier Word ou PowerPoint, ou du texte brut.",
  attachmentRefusedSize: "« {name} » fait {size} Mo ; les fichiers jusqu’à {limit} Mo peuvent être joints.",
  attachmentRefusedCount: "Une réponse peut avoir au plus {max} pièces jointes.",
  attachmentRefusedContent:
    "« {name} » n’est pas vraiment le type de fichier qu’indique son nom : son contenu ne correspond pas, il ne peut donc pas être joint.",
  attachmentRefusedNoReply: "Le serveur n’a pas reçu la réponse à laquelle appartient ce fichier.",
  attachmentRefusedNotYours: "La réponse à laquelle appartient ce fichier a été envoyée avec une autre invitation.",
  attachmentRefusedInvitation:
    "Le serveur ne connaît pas cette invitation. Vérifiez-la d’après votre message d’invitation.",
  remove: "Retirer",
  removeAttachment: "Retirer {name}",
};

export default french;
