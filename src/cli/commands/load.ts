import { parseAgencyYear } from "../../domain/agency-year/parse-agency-year.ts";
import { loadFrameworks } from "../../domain/framework/load-frameworks.ts";
import { loadAgencyYear } from "../../server/services/load-agency-year.ts";
import { withConfiguredDatabase } from "../open-configured-database.ts";
import { readInputFile } from "../read-input.ts";

export interface LoadFailure {
  file: string;
  error: unknown;
}

/** Validates and loads each agency-year file, each in its own transaction; a refused file stops no other. */
export async function loadCommand(
  env: Record<string, string | undefined>,
  files: readonly string[],
  out: (line: string) => void,
): Promise<{ failed: LoadFailure[] }> {
  const frameworks = loadFrameworks();
  return withConfiguredDatabase(env, async ({ db }) => {
    const failed: LoadFailure[] = [];
    for (const file of files) {
      try {
        const year = parseAgencyYear(await readInputFile(file), frameworks);
        const loaded = await loadAgencyYear({ db, frameworks, actor: "prongsai-load", file: year });
        const years = loaded.assessments.map((a) => a.fiscalYear).join(", ");
        out(
          `นำเข้าแล้ว / loaded: ${year.file.agency.name} จังหวัด${year.file.agency.province} — ` +
            `ปีงบประมาณ / years ${years} — มาตรการ / measures ${loaded.measureIds.length} ← ${file}`,
        );
      } catch (error) {
        failed.push({ file, error });
      }
    }
    return { failed };
  });
}
