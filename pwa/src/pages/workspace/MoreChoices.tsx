/**
 * "Add another…": every language or country the browser can name, beyond the short list of
 * those the network already uses (shown as checkboxes). The server still decides which codes
 * are valid; a refused one comes back as the field's message.
 */
import { Choices, Field, type ChoicesProps } from "../../components/Field/Field";
import { countryName, languageName, language } from "../../lib/i18n";

type Kind = "language" | "region";

/** Codes the browser names as regions that are not countries (groupings, "unknown"). */
const NOT_COUNTRIES = new Set(["EU", "EZ", "QO", "UN", "ZZ", "AC", "CP", "DG", "EA", "IC", "TA"]);

const cache = new Map<string, string[]>();

/** All two-letter codes the browser has a name for, sorted by that name in the UI language. */
function namedCodes(kind: Kind): string[] {
  const key = `${language.get()}:${kind}`;
  let codes = cache.get(key);
  if (!codes) {
    const names = new Intl.DisplayNames([language.get()], { type: kind, fallback: "none" });
    const name = kind === "language" ? languageName : countryName;
    codes = [];
    for (let i = 97; i < 123; i++)
      for (let j = 97; j < 123; j++) {
        const code = kind === "language" ? String.fromCharCode(i, j) : String.fromCharCode(i - 32, j - 32);
        if (names.of(code) && !NOT_COUNTRIES.has(code)) codes.push(code);
      }
    codes.sort((a, b) => name(a).localeCompare(name(b)));
    cache.set(key, codes);
  }
  return codes;
}

interface Props {
  kind: Kind;
  name: string;
  label: string;
  /** Codes already offered as checkboxes: not offered again. */
  offered: readonly string[];
  onAdd: (code: string) => void;
}

export function MoreChoices({ kind, name, label, offered, onAdd }: Props) {
  const shown = new Set(offered);
  const describe = kind === "language" ? languageName : countryName;
  const options = namedCodes(kind)
    .filter((code) => !shown.has(code))
    .map((code) => ({ value: code, label: describe(code) }));
  return (
    <Field
      kind="select"
      name={name}
      label={label}
      value=""
      options={options}
      onInput={(code) => {
        if (code) onAdd(code);
      }}
    />
  );
}

/**
 * Languages or countries as one field: the short list as checkboxes (`options`, all chosen
 * ones among them) and, below, "Add another…" (`moreLabel`) for any other code.
 */
export function CodeChoices({
  kind,
  moreLabel,
  ...choices
}: ChoicesProps & { kind: Kind; moreLabel: string; onInput: (values: string[]) => void }) {
  return (
    <>
      <Choices {...choices} />
      <MoreChoices
        kind={kind}
        name={`more_${choices.name}`}
        label={moreLabel}
        offered={choices.options.map((option) => option.value)}
        onAdd={(code) => choices.onInput([...choices.values, code])}
      />
    </>
  );
}
