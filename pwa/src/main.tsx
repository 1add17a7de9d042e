import { render } from "preact";
import { registerSW } from "virtual:pwa-register";
import { configureApi } from "./api/client";
import { dropLegacyToken, tokenSource } from "./api/auth";
import { App } from "./app";
import { loadConfig } from "./lib/config";
import { followUnread } from "./lib/inbox";
import { language, preferredLanguage, setLanguage } from "./lib/i18n";
import { takeInvitationFromAddress } from "./lib/join";
import { navigate, startRouter } from "./lib/router";
import { guardAgainstReturn, listenForDoubleEscape } from "./lib/safety";
import { startLock } from "./lib/lock";
import { startState, updateReady } from "./lib/state";
import "./styles.css";

async function start() {
  listenForDoubleEscape();
  const config = await loadConfig();
  if (guardAgainstReturn()) return;
  configureApi(config.apiBaseUrl, tokenSource, () => language.get());
  dropLegacyToken();
  await setLanguage(preferredLanguage(), false).catch(() => setLanguage("en", false));
  // Before the router puts "/" back in the address bar: an invitation link carries its token there.
  const joining = takeInvitationFromAddress();
  startRouter();
  if (joining) navigate("/join", true);
  const root = document.getElementById("app");
  if (!root) throw new Error("index.html has no #app element");
  render(<App />, root);
  let reloading = false;
  const reload = () => {
    if (!reloading) window.location.reload();
    reloading = true;
  };
  const update = registerSW({
    immediate: true,
    onNeedReload: reload,
    // Reload once the new version controls the page, also when the browser (not this page)
    // found it: the plugin only reloads for updates this page's registration started.
    onNeedRefresh: () =>
      updateReady.set(() => () => {
        navigator.serviceWorker.addEventListener("controllerchange", reload, { once: true });
        void update(true);
      }),
  });
  followUnread();
  await startState();
  await startLock();
}

void start();
