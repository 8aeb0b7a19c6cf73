// French text of the trainer's sharing screens (../en/trainer.ts).
import type { Translation } from "../../i18n/catalogue";
import type english from "../en/trainer";

const french: Translation<typeof english> = {
  shareAndTrain: "Partager et former",
  shareWithColleagues: "Partager les supports avec des collègues",
  shareExplained:
    "Créez un seul fichier avec les supports d’un atelier et envoyez-le par Bluetooth, Partage à proximité, câble ou messagerie. Aucune connexion Internet n’est nécessaire ; les collègues sans l’application peuvent quand même le décompresser.",
  saveMaterialsFirst: "Enregistrez d’abord les supports d’un atelier sur ce téléphone (Supports).",
  countOnPhone: "({count} sur ce téléphone)",
  receiveMaterials: "Recevoir des supports",
  receiveExplained:
    "Ouvrez un fichier de paquet envoyé par un·e collègue. L’application vérifie chaque fichier et si le paquet a été émis par le serveur de l’organisateur.",
  importAPack: "Importer un paquet",
  inhouseLog: "Journal des ateliers internes",
  sessionsOne: "1 séance enregistrée.",
  sessionsOther: "{count} séances enregistrées.",
  recordSessions: "Enregistrez les séances que vous animez pour vos collègues.",
  openTheLog: "Ouvrir le journal",
  deliverForOthers: "Transmettre des réponses pour d’autres",
  waitingToDeliver: "{count} en attente de transmission.",
  carryReplies: "Portez le fichier de réponse d’un·e collègue jusqu’au serveur quand vous êtes en ligne.",
  deliverReplies: "Transmettre les réponses",

  packFileName: "Paquet Outrigger - {title}.zip",
  packWorkshop: "atelier",
  packCouldNotBeMade: "Le paquet n’a pas pu être créé.",
  shareMaterials: "Partager les supports",
  noMaterialsOnPhone: "Aucun support de cet atelier n’est encore sur ce téléphone.",
  materialsToPack: "Supports à mettre dans le paquet",
  chosenFiles: "{count} fichiers, {size}.",
  packSigned:
    "Le paquet porte la signature de l’organisateur : les applications de vos collègues peuvent vérifier qu’il est authentique.",
  packUnsigned:
    "Cette liste n’a pas encore de signature du serveur (ouvrez une fois les supports de l’atelier en ligne pour l’obtenir).",
  makingPack: "Création du paquet…",
  makePack: "Créer le fichier du paquet",
  writing: "Écriture : {done} sur {total}",
  packProgress: "Avancement du paquet",
  packReady: "Paquet prêt",
  packSendExplained:
    "Envoyez-le par Bluetooth, Partage à proximité, câble ou messagerie. Les collègues qui ont Outrigger l’importent depuis « Partager et former » ; sans l’application, ils peuvent le décompresser.",
  workshopMaterials: "Supports de l’atelier",
  sendOrSavePack: "Envoyer ou enregistrer le paquet",

  chooseAPack:
    "Choisissez le fichier de paquet envoyé par un·e collègue (il se termine par .zip). Ni Internet ni invitation ne sont nécessaires.",
  packFile: "Fichier du paquet",
  checkingAndStoring: "Vérification et enregistrement : {done} sur {total}",
  importProgress: "Avancement de l’import",
  couldNotImport: "Ce fichier n’a pas pu être importé.",
  notVerified:
    "Non vérifié : {reason} Les fichiers ci-dessous ont passé leurs propres contrôles, mais utilisez-les avec prudence.",
  reasonNoSignature: "le paquet ne porte aucune signature du serveur de l’organisateur.",
  reasonUnknownKey: "il a été signé avec une clé que l’application ne connaît pas.",
  reasonBadSignature:
    "sa liste de fichiers ne correspond pas à la signature de l’organisateur — il a peut-être été modifié.",
  reasonNoKeyCached: "l’application n’a pas encore été en ligne pour apprendre la clé de l’organisateur.",
  reasonUnchecked: "la signature n’a pas pu être vérifiée.",
  verified: "✓ Vérifié : émis par {issuer}",
  verifiedMaterialsOnly:
    " — la liste des supports. Le nom et les dates de l’atelier de cet ancien paquet sont ceux que le paquet indique.",
  importCounts: "{imported} importé(s) · {present} déjà sur ce téléphone · {refused} refusé(s)",
  seeUnverified: "Le voir sous « Paquets importés, non vérifiés »",
  openTheMaterials: "Ouvrir les supports",

  relayWaiting: "En attente de connexion",
  relaySending: "Transmission…",
  relayDelivered: "Transmise",
  relayRefused: "Refusée par le serveur",
  fileTooLarge: "{file} : trop volumineux pour être un fichier de réponse.",
  notAReplyFile: "{file} : ce n’est pas un fichier de réponse d’Outrigger.",
  notAReplyFileOrNewer:
    "{file} : ce n’est pas un fichier de réponse d’Outrigger (ou il vient d’une version plus récente).",
  alreadyAdded: "{file} : déjà ajouté.",
  addedToDeliver: "{file} : ajouté ; il sera transmis quand ce téléphone sera en ligne.",
  deliverExplained:
    "Un·e collègue dont le téléphone ne peut pas se connecter peut enregistrer sa réponse terminée dans un fichier et vous la confier (Bluetooth, câble, messagerie). Ajoutez-la ici : ce téléphone la transmettra à sa prochaine connexion. Le serveur vérifie qu’elle vient bien du ou de la participant·e invité·e et ne l’enregistre qu’une fois.",
  replyFiles: "Fichiers de réponse",
  repliesToDeliver: "Réponses à transmettre depuis ce téléphone",
  replyOfAdded: "Réponse de {name}, ajoutée le {time}",
  aParticipant: "un·e participant·e",
  receiptId: "Accusé de réception {id}",

  sayTopic: "Veuillez indiquer le sujet de la séance.",
  giveAttendees: "Veuillez indiquer le nombre de collègues présents (1 ou plus).",
  giveDate: "Veuillez indiquer la date de la séance.",
  sessionSaved: "Enregistrée : {topic}, {date}. Le questionnaire de suivi la proposera comme réponse.",
  materialGone: "un support qui n’est plus sur ce téléphone",
  logExplained:
    "Enregistrez chaque séance que vous animez pour vos collègues. Elle reste sur ce téléphone ; quand vous répondrez au questionnaire de suivi, l’application proposera de l’utiliser.",
  addSession: "Ajouter une séance",
  date: "Date",
  topic: "Sujet",
  topicExample: "ex. Annexe générale de la CKR pour les agents aux frontières",
  attendeeCount: "Nombre de participant·es",
  materialsUsed: "Supports utilisés",
  noMaterialsSaved: "Aucun support n’est encore enregistré sur ce téléphone.",
  notesOptional: "Notes (facultatif)",
  saveSession: "Enregistrer la séance",
  sessionsOnPhone: "Séances sur ce téléphone",
  noneYet: "Aucune pour l’instant.",
  attendeesOne: "1 participant·e",
  attendeesOther: "{count} participant·es",
  materialsList: "Supports : {titles}",
  deleteEllipsis: "Supprimer…",
  deleteSessionQuestion: "Supprimer cette séance ?",
  deleteSessionFromLog: "Supprimer cette séance du journal ?",
  keepIt: "La garder",
  yesDelete: "Oui, supprimer",

  inhouseAdded: "Ajouté à vos réponses : « {option} » et les sessions ci-dessous.",
  inhouseFromLog: "Depuis votre journal des ateliers internes",
  inhouseFromLogLead: "Depuis votre journal des ateliers internes :",
  inhouseOffer: "Ajouter « {option} » et cette description à vos réponses ? Vous pourrez encore les modifier.",
  inhouseAccept: "Ajouter à mes réponses",
  inhouseDecline: "Non merci",
  inhouseSummaryOne: "Animé une session interne pour {total} collègues — {sessions}.",
  inhouseSummaryMany: "Animé {count} sessions internes pour {total} collègues — {sessions}.",
  inhouseSessionOne: "{date} : {topic} ({count} participant)",
  inhouseSessionMany: "{date} : {topic} ({count} participants)",

  packNotAZip: "Ce fichier n’est pas un paquet Outrigger (ce n’est pas un fichier zip).",
  packDamagedZip:
    "Ce paquet est endommagé (sa liste de contenu ne tient pas), rien n’a donc été importé. Demandez à nouveau le fichier.",
  packZip64: "Ce paquet est trop gros ou a été fait par un autre programme (zip64), rien n’a donc été importé.",
  packNoManifest:
    "Ce fichier zip n’est pas un paquet Outrigger (il n’a pas de manifest.json), rien n’a donc été importé.",
  packBadManifest: "La liste de contenu de ce paquet (manifest.json) est illisible, rien n’a donc été importé.",
  packUnsupportedVersion:
    "Ce paquet a été fait par une autre version d’Outrigger. Mettez l’application à jour, puis réessayez.",
  packTooLarge:
    "Ce paquet annonce plus de fichiers ou des fichiers plus gros qu’aucun paquet d’atelier, rien n’a donc été importé.",
  packUnsafePath:
    "Ce paquet contient un nom de fichier qui pourrait écrire hors de son dossier, rien n’a donc été importé.",
  packDuplicateEntry: "Ce paquet contient deux fois le même nom de fichier, rien n’a donc été importé.",
  packSizeMismatch:
    "Les fichiers de ce paquet n’ont pas les tailles qu’annonce sa liste de contenu, rien n’a donc été importé.",
  packUnsupportedCompression: "Ce paquet utilise une compression qu’Outrigger ne lit pas, rien n’a donc été importé.",
  packEncrypted:
    "Ce paquet est protégé par un mot de passe, rien n’a donc été importé. Les paquets Outrigger ne sont jamais chiffrés.",
  packZipBomb:
    "La liste de contenu de ce paquet se décompresse en bien plus qu’elle n’annonce, rien n’a donc été importé.",

  packExportTooManyFiles: "Un paquet contient au plus {max} fichiers ; choisissez moins de supports.",
  packExportNotInManifest:
    "« {title} » n’est pas dans la liste des supports de cet atelier (ou a changé depuis), il ne peut donc pas aller dans le paquet. Mettez la liste à jour et réessayez.",
  packExportChosenTwice: "« {title} » a été choisi deux fois.",
  packExportFileTooBig: "« {title} » est trop gros pour un paquet.",
  packExportTotalTooBig: "Ensemble, ces supports dépassent ce qu’un paquet peut contenir (4 Go) ; choisissez-en moins.",
  packExportInvalidManifest: "La liste de contenu du paquet n’est pas valide : {detail}",
  packExportManifestTooLong: "La liste des supports de cet atelier est trop longue pour un seul paquet.",
  packExportSourceDamaged:
    "« {title} » sur ce téléphone ne correspond pas à sa somme de contrôle ({detail}), le paquet n’a donc pas été fait. Retirez ce support du téléphone, téléchargez-le à nouveau, puis faites le paquet.",
};
export default french;
