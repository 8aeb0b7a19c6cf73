// French text of the install guide (../en/install.ts).
import type { Translation } from "../../i18n/catalogue";
import type english from "../en/install";

const french: Translation<typeof english> = {
  installed: "Installée. Outrigger est maintenant sur votre écran d’accueil.",
  notInstalled: "Non installée. Vous pourrez l’installer plus tard depuis le menu du navigateur.",
  heading: "Installer cette application",
  alreadyInstalled: "Outrigger est installée sur ce téléphone : ouvrez-la depuis l’écran d’accueil.",
  why: "Une fois installée, Outrigger s’ouvre depuis l’écran d’accueil comme toute autre application, fonctionne sans connexion, et le téléphone protège mieux ses données.",
  installButton: "Installer Outrigger",
  android: "Téléphone Android (Chrome)",
  androidOpen: "Ouvrez cette page dans Chrome.",
  androidMenu: "Touchez le menu ⋮ en haut de l’écran.",
  androidInstall: "Touchez « Installer l’application » (ou « Ajouter à l’écran d’accueil »), puis « Installer ».",
  ios: "iPhone ou iPad (Safari)",
  iosOpen: "Ouvrez cette page dans Safari.",
  iosShare: "Touchez le bouton Partager (un carré avec une flèche vers le haut).",
  iosAdd: "Faites défiler et touchez « Sur l’écran d’accueil », puis « Ajouter ».",
  backToQuestionnaires: "Retour à vos questionnaires",
};
export default french;
