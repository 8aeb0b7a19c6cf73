// French text of the app bar's later parts (../en/appBar.ts).
import type { Translation } from "../../i18n/catalogue";
import type english from "../en/appBar";

const french: Translation<typeof english> = {
  checkingConnection: "Vérification de la connexion…",
  replyOne: "1 réponse",
  replyOther: "{count} réponses",
  attachmentOne: "1 pièce jointe",
  attachmentOther: "{count} pièces jointes",
  needsAttentionOne: "1 réponse est à vérifier.",
  needsAttentionOther: "{count} réponses sont à vérifier.",
  uploadShare: " {percent} % ({done} sur {total})",
  nextTry: " Prochain essai {when}.",
  sendingReplies: "Envoi de {replies}…",
  onlineWaiting: "Connecté — {replies} en attente d’envoi.{nextTry}",
  onlineSendingFiles: "Connecté — envoi de {files} :{share}.",
  onlineYourReplySent: "Connecté — votre réponse est envoyée{when}.",
  onlineAllSent: "Connecté — les {count} réponses sont envoyées{when}.",
  online: "Connecté.",
  offlineSaved: "Hors ligne — {things} sur ce téléphone, à envoyer dès qu’une connexion sera trouvée.{nextTry}",
  offlineNothingWaiting: "Hors ligne — vous pouvez continuer ; tout est enregistré sur ce téléphone.",
  waitingToBeSent: "{replies} en attente d’envoi.",

  updateReady: "Une nouvelle version d’Outrigger est prête. Vos réponses sont conservées.",
  updateNow: "Mettre à jour",
  later: "Plus tard",
  textSize: "Taille du texte",
  textNormal: "Normale",
  textLarge: "Grande",
  textLarger: "Plus grande",
};
export default french;
