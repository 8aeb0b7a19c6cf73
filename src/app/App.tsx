import { createSignal, lazy, onMount, Show, type JSX } from "solid-js";
import { HomePage } from "./features/home/HomePage";
import { JoinPage } from "./features/join/JoinPage";
import { SurveyPage } from "./features/survey/SurveyPage";
import { currentPath, Link, matchPath, Routes } from "./ui/router";
import { followScreenHeadings } from "./ui/screenTitle";

// The questionnaire is in the first load (an invitation link's first screen); other screens load on first use,
// keeping that load small; the service worker precaches them all, so they open offline too.
import { whenFirstScreenShown } from "./ui/firstScreen";
import { t } from "./i18n/coreMessages";
const TextSizeControl = lazy(() => import("./features/settings/TextSizeControl"));
const UpdatePrompt = lazy(() => import("./features/update/UpdatePrompt"));
const SyncStatusBar = lazy(() => import("./features/home/SyncStatusBar"));
const LanguageControl = lazy(() => import("./features/settings/LanguageControl"));
const ReplyPage = lazy(() => import("./features/survey/ReplyPage").then((m) => ({ default: m.ReplyPage })));
const LibraryPage = lazy(() => import("./features/library/LibraryPage"));
const WorkshopLibraryPage = lazy(() => import("./features/library/WorkshopLibraryPage"));
const MaterialViewerPage = lazy(() => import("./features/library/MaterialViewerPage"));
const FeedbackPage = lazy(() => import("./features/feedback/FeedbackPage"));
const TrainerPage = lazy(() => import("./features/trainer/TrainerPage"));
const SharePackPage = lazy(() => import("./features/trainer/SharePackPage"));
const ImportPackPage = lazy(() => import("./features/trainer/ImportPackPage"));
const InhouseLogPage = lazy(() => import("./features/trainer/InhouseLogPage"));
const InstallGuidePage = lazy(() => import("./features/install/InstallGuidePage"));
const DeliverRepliesPage = lazy(() => import("./features/trainer/DeliverRepliesPage"));
// The organiser console is its own chunk, routes included: participants never download it, and a new console
// screen adds nothing to their first load.
const ConsoleRoutes = lazy(() => import("./features/console/ConsoleRoutes"));

function Layout(props: { children: JSX.Element }) {
  // The bar's controls and the sync line come with the first screen's background work, not before the first question.
  const [firstScreenUp, setFirstScreenUp] = createSignal(false);
  onMount(() => void whenFirstScreenShown().then(() => setFirstScreenUp(true)));
  return (
    <>
      <a class="skip-link" href="#content">
        {t("skipToContent")}
      </a>
      {/* The console has its own bar; a participant's bars (sending, update, text size) are not about its work. */}
      <Show when={!matchPath("/console/*", currentPath())}>
        <header class="app-bar">
          <Link href="/" class="brand">
            Outrigger
          </Link>
          <nav aria-label={t("mainNavigation")}>
            <Link href="/">{t("navSurveys")}</Link>
            <Link href="/library">{t("navMaterials")}</Link>
            <Link href="/trainer">{t("navShare")}</Link>
          </nav>
          <Show when={firstScreenUp()}>
            <LanguageControl />
            <TextSizeControl />
          </Show>
        </header>
        <Show when={firstScreenUp()}>
          <SyncStatusBar />
          <UpdatePrompt />
        </Show>
      </Show>
      <div id="content" ref={(element) => onMount(() => followScreenHeadings(element))}>
        {props.children}
      </div>
    </>
  );
}

function NotFound() {
  return (
    <main class="page">
      <h1>{t("pageNotFound")}</h1>
      <Link class="button" href="/">
        {t("goToQuestionnaires")}
      </Link>
    </main>
  );
}

export function App() {
  return (
    <Layout>
      <Routes
        routes={[
          { path: "/", component: HomePage },
          { path: "/join/:code?", component: JoinPage },
          { path: "/survey/:code", component: SurveyPage },
          { path: "/reply/:id", component: ReplyPage },
          { path: "/library", component: LibraryPage },
          { path: "/library/:workshopId", component: WorkshopLibraryPage },
          { path: "/material/:materialId", component: MaterialViewerPage },
          { path: "/feedback/:code", component: FeedbackPage },
          { path: "/trainer", component: TrainerPage },
          { path: "/share/:workshopId", component: SharePackPage },
          { path: "/import", component: ImportPackPage },
          { path: "/inhouse", component: InhouseLogPage },
          { path: "/deliver", component: DeliverRepliesPage },
          { path: "/install", component: InstallGuidePage },
          { path: "/console/*", component: ConsoleRoutes },
          { path: "*", component: NotFound },
        ]}
      />
    </Layout>
  );
}
