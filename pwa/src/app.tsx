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
const WorkHome = lazyScreen(() => import("./pages/workspace/Home"));
const WorkContacts = lazyScreen(() => import("./pages/workspace/Contacts"));
const WorkContact = lazyScreen(() => import("./pages/workspace/ContactPage"));
const ResourceOverview = lazyScreen(() => import("./pages/workspace/resources/Overview"));
const ResourcePage = lazyScreen(() => import("./pages/workspace/resources/ResourcePage"));
const ResourceForm = lazyScreen(() => import("./pages/workspace/resources/ResourceForm"));
const ResponsePage = lazyScreen(() => import("./pages/workspace/resources/ResponsePage"));
const Inbox = lazyScreen(() => import("./pages/workspace/Inbox"));
const WorkGuides = lazyScreen(() => import("./pages/workspace/Guides"));
const GuideEdit = lazyScreen(() => import("./pages/workspace/GuideEdit"));
const Invite = lazyScreen(() => import("./pages/workspace/Invite"));
const OrganizationForm = lazyScreen(() => import("./pages/workspace/OrganizationForm"));
const Webhooks = lazyScreen(() => import("./pages/workspace/Webhooks"));
// Joining by an invitation link, before one is a member.
const Join = lazyScreen(() => import("./pages/workspace/Join"));

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
  ["/workspace/resources", () => <ResourceOverview />],
  ["/workspace/resources/new", () => <ResourceForm />],
  ["/workspace/resources/:id", ({ id = "" }) => <ResourcePage id={id} />],
  ["/workspace/resources/:id/edit", ({ id = "" }) => <ResourceForm id={id} />],
  ["/workspace/responses/:id", ({ id = "" }) => <ResponsePage id={id} />],
  ["/inbox", () => <Inbox />],
  ["/saved", () => <Saved />],
  ["/account", () => <Account />],
  ["/devices", () => <Devices />],
  ["/settings", () => <Settings />],
  ["/more", () => <More />],
  ["/workspace", () => <WorkHome />],
  ["/workspace/contacts", (_, location) => <WorkContacts location={location} />],
  ["/workspace/contacts/:id", ({ id = "" }, location) => <WorkContact id={id} location={location} />],
  ["/workspace/guides", () => <WorkGuides />],
  ["/workspace/guides/new", () => <GuideEdit />],
  ["/workspace/guides/:id/edit", ({ id = "" }) => <GuideEdit id={id} />],
  ["/workspace/guides/:id/translate", ({ id = "" }) => <GuideEdit id={id} translate />],
  ["/workspace/invite", () => <Invite />],
  ["/workspace/webhooks", () => <Webhooks />],
  ["/workspace/organizations/:id", ({ id = "" }) => <OrganizationForm id={id} />],
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
