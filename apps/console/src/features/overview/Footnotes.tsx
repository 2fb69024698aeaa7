import { overviewStrings } from "./strings";

/** Every figure on the page is stated against the version of the metric definitions used (SPEC §6). */
export function Footnotes({ definitionsVersion }: { definitionsVersion: string }) {
  const t = overviewStrings;
  return (
    <footer className="footnotes" aria-labelledby="footnotes-heading">
      <h2 id="footnotes-heading" className="footnotes-heading">
        {t.footnotes}
      </h2>
      <p data-testid="definitions-version">{t.definitions(definitionsVersion)}</p>
      <p id="fn-score">* {t.scoreMapping}</p>
      <p>{t.rateDefinitions}</p>
    </footer>
  );
}
