/**
 * Screens loaded on first use: the workspace's forms are for coordinators only, so their code
 * is not part of what every first visit downloads. While the chunk loads the screen says so;
 * if it cannot load (offline before the service worker cached it) it says that and offers to
 * try again.
 */
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { t } from "./i18n";

type Loaded<P> = ComponentType<P> | { default: ComponentType<P> };

export function lazyScreen<P extends object>(load: () => Promise<Loaded<P>>): ComponentType<P> {
  let component: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const fetchOnce = () =>
    (loading ??= load().then(
      (loaded) => (component = typeof loaded === "function" ? loaded : loaded.default),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
  return function LazyScreen(props: P) {
    const [, setReady] = useState(0);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (component) return;
      let live = true;
      fetchOnce().then(
        () => live && setReady((n) => n + 1),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, [failed]);
    if (component) {
      const Screen = component;
      return <Screen {...props} />;
    }
    if (failed)
      return (
        <div class="warning" role="alert">
          <p>{t("work.loadFailed")}</p>
          <button type="button" onClick={() => setFailed(false)}>
            {t("work.retry")}
          </button>
        </div>
      );
    return (
      <p role="status" class="muted">
        {t("common.loading")}
      </p>
    );
  };
}
