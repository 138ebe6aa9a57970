import type { MemberResponse } from "../../shared/members.ts";
import type { Db } from "../db/database.ts";
import { getAgency } from "./agencies.ts";
import { membersOf } from "./membership-rules.ts";

/** The agency's members and their roles; never a password hash or TOTP secret. */
export async function listMembers({
  db,
  agencyId,
}: {
  db: Db;
  agencyId: string;
}): Promise<MemberResponse[]> {
  await getAgency({ db, agencyId });
  return membersOf(db, agencyId);
}
