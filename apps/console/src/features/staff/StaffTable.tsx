import type { ReactNode } from "react";

import { Table } from "../../components/Table";
import type { TStaffAdminRow } from "../../lib/api-types";
import { staffStrings } from "./strings";

export interface StaffTableProps {
  staff: readonly TStaffAdminRow[];
  windowLabel: (id: number) => string;
  canManage: boolean;
  onEdit: (staff: TStaffAdminRow) => void;
  onLeave: (staff: TStaffAdminRow) => void;
  /** more actions of a row (the photo upload) */
  extraActions?: (staff: TStaffAdminRow) => ReactNode;
}

/** The hall's staff: those serving first, then those who left. */
export function StaffTable({ staff, windowLabel, canManage, onEdit, onLeave, extraActions }: StaffTableProps) {
  const t = staffStrings;
  const c = t.columns;
  if (staff.length === 0) return <p className="muted">{t.noStaff}</p>;
  return (
    <Table
      columns={[
        c.photo,
        c.badgeNo,
        c.name,
        c.department,
        c.windows,
        c.phone,
        c.certificate,
        c.state,
        canManage ? c.actions : null,
      ]}
      aria-labelledby="staff-heading"
    >
      {staff.map((member) => (
        <tr key={member.id} data-testid="staff-row">
          <td>
            <img src={member.photoUrl} alt={t.photoAlt(member.name)} width={48} height={60} className="staff-photo" />
          </td>
          <td>{member.badgeNo}</td>
          <td>{member.name}</td>
          <td>{member.departmentName}</td>
          <td>
            {member.windowIds.map((id, index) => `${windowLabel(id)}${index === 0 ? t.home : ""}`).join("、") || t.none}
          </td>
          <td>{member.phoneMasked || t.none}</td>
          <td>
            {member.certificateNo ? `${member.certificateNo}（${member.certificateExpiresOn ?? ""}）` : null}
            <span className={`certificate certificate-${member.certificateState}`}>
              {" "}
              {t.certificateStates[member.certificateState]}
            </span>
          </td>
          <td>{member.active ? t.active : t.left(member.leftOn ?? "")}</td>
          {canManage ? (
            <td>
              {member.active ? (
                <span className="row-actions">
                  <button type="button" className="btn btn-small" onClick={() => onEdit(member)}>
                    {t.edit}
                  </button>
                  {extraActions?.(member)}
                  <button type="button" className="btn btn-small" onClick={() => onLeave(member)}>
                    {t.leave}
                  </button>
                </span>
              ) : null}
            </td>
          ) : null}
        </tr>
      ))}
    </Table>
  );
}
