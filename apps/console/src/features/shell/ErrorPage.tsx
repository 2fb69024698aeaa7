import { Link, useRouter, type ErrorComponentProps } from "@tanstack/react-router";

import { usePageTitle } from "../../components/usePageTitle";
import { errorMessage } from "../../lib/errors";
import { strings } from "../../lib/strings";

function ErrorContent({ error, reset }: ErrorComponentProps) {
  usePageTitle(strings.errors.pageFailed);
  const router = useRouter();
  return (
    <>
      <h1>{strings.errors.pageFailed}</h1>
      <p role="alert" className="notice notice-error">
        {errorMessage(error)}
      </p>
      <p className="button-row">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => {
            reset();
            void router.invalidate();
          }}
        >
          {strings.app.retry}
        </button>
        <Link to="/" className="btn btn-secondary">
          {strings.errors.backHome}
        </Link>
      </p>
    </>
  );
}

/** A failure before the signed-in frame exists (e.g. the API is unreachable): a page of its own. */
export function StandaloneErrorPage(props: ErrorComponentProps) {
  return (
    <main id="main" className="standalone-page">
      <ErrorContent {...props} />
    </main>
  );
}

/** A failure inside the signed-in frame: header and navigation stay usable. */
export function InlineErrorPage(props: ErrorComponentProps) {
  return (
    <section className="panel">
      <ErrorContent {...props} />
    </section>
  );
}

export function NotFoundPage() {
  usePageTitle(strings.errors.notFound);
  return (
    <main id="main" className="standalone-page">
      <h1>{strings.errors.notFound}</h1>
      <p>{strings.errors.notFoundHint}</p>
      <p>
        <Link to="/" className="btn btn-primary">
          {strings.errors.backHome}
        </Link>
      </p>
    </main>
  );
}
