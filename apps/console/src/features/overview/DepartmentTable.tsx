import { Empty } from "../../components/StatusMessages";
import type { TDepartmentPerformance } from "../../lib/api-types";
import { formatCount } from "../../lib/format";
import { strings } from "../../lib/strings";

export function DepartmentTable({ departments }: { departments: readonly TDepartmentPerformance[] }) {
  const t = strings.overview;
  if (departments.length === 0) return <Empty />;
  return (
    <div className="table-wrap table-scroll">
      <table className="data-table" aria-labelledby="departments-heading">
        <thead>
          <tr>
            <th scope="col">{t.departmentName}</th>
            <th scope="col" className="num">
              {t.itemCount}
            </th>
            <th scope="col" className="num">
              {t.cases}
            </th>
            <th scope="col" className="num">
              {t.ratings}
            </th>
            <th scope="col" className="num">
              {t.goodRate}
            </th>
          </tr>
        </thead>
        <tbody>
          {departments.map((department) => (
            <tr key={department.id} data-testid="department-row">
              <th scope="row">{department.name}</th>
              <td className="num">{formatCount(department.itemCount)}</td>
              <td className="num">{formatCount(department.metrics.casesCompleted)}</td>
              <td className="num">{formatCount(department.metrics.ratings)}</td>
              <td className="num">{department.metrics.goodRate.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
