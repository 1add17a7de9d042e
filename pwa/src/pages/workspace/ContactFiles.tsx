/**
 * A coordinator's CSV export and import of the organization's contacts. The export is saved
 * only after the warning that the file stays in Downloads, outside the app's lock. An import is
 * first checked by the server (a dry run): the coordinator sees every refused row, or what the
 * import would do, and only then confirms it; all rows are imported or none. Focus moves to
 * each answer, and a file's refused rows (up to the server's 2,000) are shown a page at a time.
 */
import { useRef, useState } from "preact/hooks";
import { exportContacts, importContacts, type ImportError, type ImportReport } from "../../api/contactFiles";
import { PagedList } from "../../components/PagedList/PagedList";
import { SaveWarning } from "../../components/SaveWarning/SaveWarning";
import { saveFile } from "../../lib/download";
import { useFocusOn } from "../../lib/focus";
import { t } from "../../lib/i18n";
import { online, runSync } from "../../lib/state";
import { useObservable } from "../../lib/store";
import styles from "./work.module.css";

type Step =
  | { kind: "idle" }
  | { kind: "busy"; message: "work.csv.checking" | "work.csv.importing" }
  | { kind: "checked"; file: File; report: ImportReport }
  | { kind: "imported"; report: ImportReport }
  | { kind: "refused"; detail: string; errors: ImportError[] }
  | { kind: "failed" };

const counts = (report: ImportReport) => ({
  created: report.created,
  updated: report.updated,
  unchanged: report.unchanged,
});

function Refused({ detail, errors }: { detail: string; errors: ImportError[] }) {
  return (
    <div class="warning" role="alert" data-testid="csv-refused">
      <p>{t("work.csv.refused")}</p>
      <p>{detail}</p>
      <PagedList
        items={errors.map((error, index) => ({ error, index }))}
        keyOf={({ index }) => index}
        testId="csv-errors"
        render={({ error }) => (
          <>
            {error.row ? `${t("work.csv.row", { row: error.row })}, ` : ""}
            {error.attr ? `${error.attr}: ` : ""}
            {error.detail}
          </>
        )}
      />
    </div>
  );
}

export function ContactFiles({ organization }: { organization: number }) {
  const isOnline = useObservable(online);
  const [asking, setAsking] = useState(false);
  const [exportFailed, setExportFailed] = useState(false);
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const chooser = useRef<HTMLInputElement>(null);
  const answer = useFocusOn<HTMLDivElement>(step.kind === "idle" || step.kind === "busy" ? null : step);

  async function send(file: File, dryRun: boolean) {
    setStep({ kind: "busy", message: dryRun ? "work.csv.checking" : "work.csv.importing" });
    const outcome = await importContacts(organization, file, dryRun);
    if (outcome.ok) {
      setStep(
        dryRun ? { kind: "checked", file, report: outcome.report } : { kind: "imported", report: outcome.report },
      );
      if (!dryRun) void runSync();
    } else if (outcome.detail !== null) {
      setStep({ kind: "refused", detail: outcome.detail, errors: outcome.errors });
    } else {
      setStep({ kind: "failed" });
    }
  }

  async function download() {
    setAsking(false);
    setExportFailed(false);
    const blob = await exportContacts(organization).catch(() => null);
    if (blob) saveFile(blob, `contact-points-${organization}.csv`);
    else setExportFailed(true);
  }

  return (
    <div class={styles.panel} data-testid="contact-files">
      {!isOnline && <p class="muted">{t("work.csv.needsConnection")}</p>}
      <div class="actions">
        <button type="button" disabled={!isOnline} aria-expanded={asking} onClick={() => setAsking(true)}>
          {t("work.csv.export")}
        </button>
        {/* A button, not a label around the input, so the keyboard reaches it. */}
        <button type="button" disabled={!isOnline || step.kind === "busy"} onClick={() => chooser.current?.click()}>
          {t("work.csv.import")}
        </button>
        <input
          ref={chooser}
          type="file"
          accept=".csv,text/csv"
          hidden
          disabled={!isOnline || step.kind === "busy"}
          data-testid="csv-file"
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            input.value = ""; // the same file may be chosen again after it is corrected
            if (file) void send(file, true);
          }}
        />
      </div>
      {asking && <SaveWarning message="work.csv.exportWarning" onSave={download} onCancel={() => setAsking(false)} />}
      {exportFailed && <p class="warning">{t("work.csv.failed")}</p>}
      <p class="muted">{t("work.csv.help")}</p>
      {step.kind === "busy" && <p role="status">{t(step.message)}</p>}
      <div ref={answer} tabIndex={-1} data-testid="csv-answer">
        {step.kind === "checked" && (
          <div class={styles.confirm} data-testid="csv-checked">
            <p>{t("work.csv.summary", counts(step.report))}</p>
            <div class="row">
              <button type="button" class="primary" onClick={() => send(step.file, false)} data-testid="csv-confirm">
                {t("work.csv.confirm")}
              </button>
              <button type="button" onClick={() => setStep({ kind: "idle" })}>
                {t("work.csv.cancel")}
              </button>
            </div>
          </div>
        )}
        {step.kind === "imported" && (
          <p role="status" data-testid="csv-imported">
            {t("work.csv.imported", counts(step.report))}
          </p>
        )}
        {step.kind === "refused" && <Refused detail={step.detail} errors={step.errors} />}
        {step.kind === "failed" && <p class="warning">{t("work.csv.failed")}</p>}
      </div>
    </div>
  );
}
