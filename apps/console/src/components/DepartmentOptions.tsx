/** A department select's options: "all departments" (value "") first, then each department by id. */
export function DepartmentOptions({
  departments,
  allLabel,
}: {
  departments: readonly { id: number; name: string }[];
  allLabel: string;
}) {
  return (
    <>
      <option value="">{allLabel}</option>
      {departments.map((department) => (
        <option key={department.id} value={String(department.id)}>
          {department.name}
        </option>
      ))}
    </>
  );
}
