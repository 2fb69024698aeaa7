import { performanceStrings } from "./strings";

export interface TPopulation {
  /** "county": the halls of a county, ranked in the county report */
  scope: "hall" | "department" | "county";
  name: string;
  ranked: number;
}

/** Whom 红黑榜 and 末位 were computed over, said on screen: the hall, or the department's own cases. */
export function PopulationNote({ population, noun = "窗口" }: { population: TPopulation; noun?: string }) {
  return (
    <p className="notice notice-info" data-testid="ranking-population">
      {performanceStrings.population(population.scope, population.name, population.ranked, noun)}
    </p>
  );
}
