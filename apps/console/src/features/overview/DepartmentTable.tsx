import { Empty } from "../../components/StatusMessages";
import { Table } from "../../components/Table";
import type { TDepartmentPerformance } from "../../lib/api-types";
import { formatCount } from "../../lib/format";
import { overviewStrings } from "./strings";

export function DepartmentTable({ departments }: { departments: readonly TDepartmentPerformance[] }) {
  const t = overviewStrings;
  if (departments.length === 0) return <Empty />;
  return (
    <Table
      scroll="tall"
      aria-labelledby="departments-heading"
      columns={[
        t.departmentName,
        ...(["itemCount", "cases", "ratings", "goodRate"] as const).map((key) => ({ label: t[key], numeric: true })),
      ]}
    >
      {departments.map((department) => (
        <tr key={department.id} data-testid="department-row">
          <th scope="row">{department.name}</th>
          <td className="num">{formatCount(department.itemCount)}</td>
          <td className="num">{formatCount(department.metrics.casesCompleted)}</td>
          <td className="num">{formatCount(department.metrics.ratings)}</td>
          <td className="num">{department.metrics.goodRate.text}</td>
        </tr>
      ))}
    </Table>
  );
}
