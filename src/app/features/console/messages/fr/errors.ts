// French text of the server's refusals as the console words them (../en/errors.ts).
import type { Translation } from "../../../../i18n/catalogue";
import type english from "../en/errors";

const french: Translation<typeof english> = {
  offline: "Le serveur est injoignable. La console de l’organisateur a besoin d’une connexion.",
  httpError: "Le serveur a répondu par une erreur ({status}).",
  internalError: "Une erreur s’est produite sur le serveur. Veuillez réessayer plus tard.",
  diskFull: "Le disque du serveur est plein : rien n’a pu être enregistré. Veuillez réessayer plus tard.",
  badRequest: "La demande n’a pas pu être comprise.",
  notFound: "Il n’y a rien à cette adresse.",
  methodNotAllowed: "Cette adresse n’accepte pas ce type de demande.",
  tooLarge: "Le fichier ou la demande est trop volumineux.",
  wrongFileType: "Ce type de fichier ne peut pas être envoyé ici.",
  malformedJson: "La demande n’était pas du JSON valide.",
  invalidRequest: "Des champs manquent ou ne sont pas valides.",
  tooManyAttempts: "Trop de tentatives. Veuillez patienter un moment, puis réessayer.",
  notSignedIn: "Veuillez vous connecter à la console de l’organisateur.",
  invalidCredentials: "L’adresse e-mail ou le mot de passe n’est pas correct.",
  forbidden: "Votre compte peut consulter mais pas modifier : demandez-le à un·e organisateur·rice.",
  csrfTokenInvalid: "Cette modification a été refusée par sécurité. Rechargez la console et réessayez.",
  setupTokenInvalid:
    "Ce lien de configuration n’est pas valide : il a déjà servi ou a expiré. Redémarrez le serveur pour en obtenir un nouveau, ou utilisez npm run admin:create.",
  invalidToken: "Le jeton d’accès manque ou n’est pas correct.",
  changedElsewhere: "Quelqu’un d’autre a modifié cet élément entre-temps : vos modifications ne sont pas enregistrées.",

  accountExists: "Un compte existe déjà avec cette adresse e-mail.",
  accountNotFound: "Ce compte n’existe pas.",
  ownAccount: "Vous ne pouvez pas faire cela à votre propre compte : demandez-le à un·e autre organisateur·rice.",
  administrationExists: "Ce code d’administration est déjà utilisé.",
  unknownAdministration:
    "Un code d’administration ne figure pas dans la liste des administrations. Ajoutez-le d’abord.",
  workshopNotFound: "Cet atelier n’existe pas.",
  workshopHasMaterials:
    "Cet atelier a des supports de formation que des téléphones peuvent détenir : il ne peut pas être supprimé d’ici.",
  workshopHasReplies:
    "Des participant·e·s de cet atelier ont répondu : il ne peut pas être supprimé, car ses réponses comptent dans le rapport.",
  participantExists: "Cette personne participe déjà à cet atelier.",
  participantNotFound: "Ce·tte participant·e n’existe pas.",
  demoDataNotFound: "Les données de démonstration ne sont pas dans cette base : il n’y a rien à archiver.",
  notAnId: "Cette adresse ne désigne pas un enregistrement valide.",

  campaignNotFound: "Cette campagne n’existe pas.",
  campaignHasReplies:
    "Cette campagne a des réponses : elle ne peut pas être supprimée. Clôturez-la plutôt (ses réponses restent comptées).",
  campaignWithdrawn: "Cette campagne a été retirée : ce n’est plus possible.",
  invitationNotFound: "Cette campagne n’a pas d’invitation avec ce code.",
  invitationRefused: "Il faut pour cela le code d’invitation d’un·e participant·e.",
  smtpNotConfigured:
    "Ce serveur ne peut pas envoyer d’e-mails (SMTP_URL n’est pas défini). Envoyez plutôt les messages préparés depuis votre propre messagerie.",
  invalidTemplate: "Le libellé du message comporte des problèmes à corriger.",
  noFeedback: "Aucun retour n’a encore été publié.",
  unknownQuote:
    "Seules les citations choisies parmi les réponses de l’exercice peuvent figurer dans le retour : choisissez d’abord la réponse comme citation.",

  unknownQuestionnaire: "Ce questionnaire ou cette version n’existe pas.",
  questionnaireNotPublished: "Cette version du questionnaire n’est pas publiée : une campagne ne peut pas l’utiliser.",
  invalidQuestionnaire: "Cette version ne peut pas encore être publiée : des problèmes sont à corriger.",
  invalidReportBindings: "Ces liaisons du rapport ne correspondent pas à la version : des problèmes sont à corriger.",
  versionFrozen: "Cette version n’est plus un brouillon : elle ne peut pas être modifiée.",
  unreadableXlsform: "Ce fichier n’a pas pu être lu comme un classeur Excel (.xlsx).",
  unsupportedXlsform:
    "Le formulaire ne peut pas être importé tel quel : certains éléments ne peuvent pas être conservés. Rien n’a été enregistré.",

  invalidFiscalYear: "Ce n’est pas un exercice : écrivez-le comme 2022-23 (juillet 2022 – juin 2023).",
  unknownTable: "Le rapport compte les tableaux 1 à 7.",
  unknownWorkshop: "Seuls les ateliers de l’exercice peuvent être utilisés ici.",
  replyNotFound: "Cette réponse n’existe pas.",
  attachmentNotFound: "Cette pièce jointe n’existe pas ou n’est pas conservée sur le serveur.",
  answerNotFound: "Cette réponse n’a pas de réponse libre à cette question.",
  answerNeedsReview:
    "Certaines des réponses choisies ont changé depuis le choix de leur citation : revoyez-les une par une d’abord ; rien n’a été étiqueté.",
  excerptNotInAnswer:
    "L’extrait ne figure pas dans la réponse. Sélectionnez les mots à citer dans la réponse elle-même, ou laissez l’extrait vide pour la citer en entier.",
  tagNotFound: "Cette réponse n’a pas cette étiquette.",
  invalidFilter: "Ce filtre n’est pas compris.",

  csvEmpty: "Le CSV a une ligne d’en-tête mais aucun·e participant·e.",
  csvMalformed: "Ce fichier n’a pas pu être lu comme un CSV.",
  csvHeaderInvalid:
    "La première ligne doit nommer les colonnes (p. ex. Name, E-mail, Administration, Position), ou indiquez quelle colonne contient quoi.",
  csvColumnChosenTwice: "Chacune de nos colonnes ne peut être lue que dans une seule colonne du fichier.",
  csvColumnsMismatch: "Les colonnes du fichier ont changé depuis sa vérification : vérifiez de nouveau le fichier.",
  csvTooManyRows: "Le CSV contient trop de participant·e·s : scindez-le.",
  csvHasErrors:
    "Des lignes comportent des erreurs ; rien n’a été importé. Corrigez-les ou ignorez-les, puis importez de nouveau.",
  csvNothingToImport: "Toutes les lignes sont ignorées : il n’y a personne à importer.",
  unreadableRepliesFile: "Ce fichier n’a pas pu être lu comme un fichier de réponses d’Outrigger (.csv ou .xlsx).",
  repliesFileRefused: "Les réponses n’ont pas été importées : des problèmes sont à corriger. Rien n’a été enregistré.",
  unreadableSummarySheet: "Ce fichier n’a pas pu être lu comme un tableau récapitulatif.",
  summarySheetRefused: "Le tableau n’a pas été importé : des cellules sont à corriger. Rien n’a été enregistré.",

  placeLine: "Ligne {row} : {reason}",
  placeRow: "Ligne {row} : {reason}",
  placeRowColumn: "Ligne {row}, colonne « {column} » : {reason}",
  placeSheetRow: "Feuille « {sheet} », ligne {row} : {reason}",
  placeSheetRowColumn: "Feuille « {sheet} », ligne {row}, colonne « {column} » : {reason}",

  fieldUnexpected: "{field} : ce champ n’est pas attendu.",
  fieldMissing: "{field} : à remplir.",
  fieldShouldBeText: "{field} : un texte est attendu.",
  fieldShouldBeNumber: "{field} : un nombre est attendu.",
  fieldShouldBeWholeNumber: "{field} : un nombre entier est attendu.",
  fieldShouldBeTrueOrFalse: "{field} : vrai ou faux est attendu.",
  fieldShouldBeObject: "{field} : un objet est attendu.",
  fieldShouldBeList: "{field} : une liste est attendue.",
  fieldShouldBeOther: "{field} : une valeur de type {expected} est attendue.",
  fieldTooShort: "{field} : trop court.",
  fieldTooSmall: "{field} : trop petit.",
  fieldTooLong: "{field} : trop long ({maximum} au plus).",
  fieldTooLarge: "{field} : trop grand ({maximum} au plus).",
  fieldNotDateTime: "{field} : une date et une heure sont attendues (ISO 8601, p. ex. 2024-03-01T09:30:00Z).",
  fieldNotValidValue: "{field} : valeur non valable.",
  fieldNotValidFormat: "{field} : ce n’est pas un {format} valable.",
  fieldNotValid: "{field} : valeur non valable.",
  fieldNamed: "« {label} »",
  fieldWholeValue: "La valeur",
  fieldLabelName: "Nom",
  fieldLabelEmail: "E-mail",
  fieldLabelPosition: "Fonction",
  fieldLabelAdministration: "Administration",
  fieldLabelTitle: "Titre",
  fieldLabelCode: "Code",
  fieldLabelPassword: "Mot de passe",
  fieldLabelLocation: "Lieu",
  fieldLabelStartsOn: "Date de début",
  fieldLabelEndsOn: "Date de fin",
  fieldLabelDueOn: "Date limite",
};

export default french;
