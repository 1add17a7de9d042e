import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { Layout } from "./components/Layout/Layout";
import { PinPrompt, UnlockScreen } from "./components/Lock/Lock";
import { lazyScreen } from "./lib/lazy";
import { lockStatus } from "./lib/lock";
import { useObservable } from "./lib/store";
import { useLanguage } from "./lib/i18n";
import { match, useLocation, type Location } from "./lib/router";
import { Account } from "./pages/Account";
import { Countries, CountryPage } from "./pages/Countries";
import { Devices } from "./pages/Devices";
import { Events } from "./pages/Events";
import { FindHelp } from "./pages/FindHelp";
import { GuidePage, Guides } from "./pages/Guides";
import { More } from "./pages/More";
import { NotOnDevice } from "./pages/NotOnDevice";
import { OrganizationPage, Organizations } from "./pages/Organizations";
import { Resources } from "./pages/Resources";
import { Saved } from "./pages/Saved";
import { Search } from "./pages/Search";
import { Settings } from "./pages/Settings";

// The workspace is for members only: its screens load on first use, not with every first visit.
const WorkHome = lazyScreen(() => import("./pages/work/Home"));
const WorkContacts = lazyScreen(() => import("./pages/work/Contacts"));
const WorkContact = lazyScreen(() => import("./pages/work/ContactPage"));
const ResourceOverview = lazyScreen(() => import("./pages/work/resources/Overview"));
const ResourcePage = lazyScreen(() => import("./pages/work/resources/ResourcePage"));
const ResourceForm = lazyScreen(() => import("./pages/work/resources/ResourceForm"));
const ResponsePage = lazyScreen(() => import("./pages/work/resources/ResponsePage"));
const Inbox = lazyScreen(() => import("./pages/work/Inbox"));
const WorkGuides = lazyScreen(() => import("./pages/work/Guides"));
const GuideEdit = lazyScreen(() => import("./pages/work/GuideEdit"));
const Invite = lazyScreen(() => import("./pages/work/Invite"));
// Joining by an invitation link, before one is a member.
const Join = lazyScreen(() => import("./pages/work/Join"));

type Route = [pattern: string, render: (params: Record<string, string>, location: Location) => ComponentChildren];

const ROUTES: Route[] = [
  ["/", (_, location) => <FindHelp location={location} />],
  ["/search", (_, location) => <Search location={location} />],
  ["/guides", () => <Guides />],
  ["/guides/:id", ({ id = "" }) => <GuidePage id={id} />],
  ["/countries", () => <Countries />],
  ["/countries/:code", ({ code = "" }) => <CountryPage code={code} />],
  ["/organizations", () => <Organizations />],
  ["/organizations/:id", ({ id = "" }) => <OrganizationPage id={id} />],
  ["/events", () => <Events />],
  ["/resources", () => <Resources />],
  ["/work/resources", () => <ResourceOverview />],
  ["/work/resources/new", () => <ResourceForm />],
  ["/work/resources/:id", ({ id = "" }) => <ResourcePage id={id} />],
  ["/work/resources/:id/edit", ({ id = "" }) => <ResourceForm id={id} />],
  ["/work/responses/:id", ({ id = "" }) => <ResponsePage id={id} />],
  ["/inbox", () => <Inbox />],
  ["/saved", () => <Saved />],
  ["/account", () => <Account />],
  ["/devices", () => <Devices />],
  ["/settings", () => <Settings />],
  ["/more", () => <More />],
  ["/work", () => <WorkHome />],
  ["/work/contacts", (_, location) => <WorkContacts location={location} />],
  ["/work/contacts/:id", ({ id = "" }, location) => <WorkContact id={id} location={location} />],
  ["/work/guides", () => <WorkGuides />],
  ["/work/guides/new", () => <GuideEdit />],
  ["/work/guides/:id/edit", ({ id = "" }) => <GuideEdit id={id} />],
  ["/work/guides/:id/translate", ({ id = "" }) => <GuideEdit id={id} translate />],
  ["/work/invite", () => <Invite />],
  ["/join", () => <Join />],
];

export function App() {
  useLanguage();
  const location = useLocation();
  let page: ComponentChildren = <NotOnDevice back="/" />;
  for (const [pattern, render] of ROUTES) {
    const params = match(pattern, location.path);
    if (params) {
      page = render(params, location);
      break;
    }
  }
  useEffect(() => {
    // Move focus to the new screen so screen readers announce it.
    document.getElementById("main")?.focus({ preventScroll: true });
  }, [location.path]);
  // Locked, nothing but the unlock screen exists: no names, no counts, no layout.
  const status = useObservable(lockStatus);
  if (status === "locked") return <UnlockScreen />;
  if (status === "starting") return null;
  return (
    <Layout path={location.path}>
      {page}
      <PinPrompt />
    </Layout>
  );
}
