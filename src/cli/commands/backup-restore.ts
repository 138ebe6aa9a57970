import { backupDatabase, restoreDatabase } from "../../server/services/backup-database.ts";
import { withConfiguredDatabase } from "../open-configured-database.ts";

type Env = Record<string, string | undefined>;

export function backupCommand(env: Env, file: string, out: (line: string) => void): Promise<void> {
  return withConfiguredDatabase(env, async ({ db }) => {
    const rows = await backupDatabase({ db, file });
    out(`สำรองข้อมูลแล้ว / backed up: ${rows} แถว / rows → ${file}`);
  });
}

export function restoreCommand(env: Env, file: string, out: (line: string) => void): Promise<void> {
  return withConfiguredDatabase(env, async ({ db }) => {
    const rows = await restoreDatabase({ db, file });
    out(`กู้คืนแล้ว / restored: ${rows} แถว / rows ← ${file}`);
  });
}
