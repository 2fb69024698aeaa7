import { STRINGS } from "../../lib/strings";

export function RateApp() {
  return <h1>{STRINGS.rateTitle}</h1>;
}
