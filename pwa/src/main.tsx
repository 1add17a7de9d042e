import { render } from "preact";
import { registerSW } from "virtual:pwa-register";
import { configureApi } from "./api/client";
import { tokenSource, watchOtherTabs } from "./api/auth";
import { App } from "./app";
import { loadConfig } from "./lib/config";
import { preferredLanguage, setLanguage } from "./lib/i18n";
import { startRouter } from "./lib/router";
import { guardAgainstReturn, listenForDoubleEscape } from "./lib/safety";
import { startState, updateReady } from "./lib/state";
import "./styles.css";

async function start() {
  listenForDoubleEscape();
  const config = await loadConfig();
  if (guardAgainstReturn()) return;
  configureApi(config.apiBaseUrl, tokenSource);
  watchOtherTabs();
  await setLanguage(preferredLanguage(), false).catch(() => setLanguage("en", false));
  startRouter();
  render(<App />, document.getElementById("app")!);
  const update = registerSW({
    immediate: true,
    onNeedRefresh: () => updateReady.set(() => () => void update(true)),
  });
  await startState();
}

void start();
