import { fileURLToPath } from "node:url";
import { Command, CommanderError } from "commander";
import { formatError } from "./print-error.ts";

// Commands load on demand, so `score` never pays for the document renderers.
const example = fileURLToPath(new URL("../../examples/huai-sak-2566.yaml", import.meta.url));
const out = (line: string) => process.stdout.write(`${line}\n`);

function buildProgram(): Command {
  const program = new Command("prongsai")
    .description(
      "โปร่งใส — การประเมินคุณธรรมและความโปร่งใส (ITA) / Integrity and transparency assessment",
    )
    .exitOverride()
    .showHelpAfterError();
  program
    .command("example")
    .description(
      "สร้างเอกสารตัวอย่างเทศบาลตำบลห้วยสักลงใน ./out / generate the Huai Sak example into ./out",
    )
    .action(async () => {
      const { reportCommand } = await import("./commands/report.ts");
      const paths = await reportCommand(example, {
        out: "out",
        format: "html,docx,pdf",
        digits: "thai",
      });
      out("สร้างเอกสารแล้ว / Documents written:");
      for (const p of paths) out(`  ${p}`);
    });
  program
    .command("serve")
    .alias("start")
    .description(
      "เปิดเซิร์ฟเวอร์ (ค่าตั้งจากตัวแปรสภาพแวดล้อม) / run the server (configured by the environment)",
    )
    .option(
      "--workers <n>",
      "จำนวนโปรเซสที่รับคำขอ (ต้องใช้ DATABASE_URL เมื่อมากกว่า 1) / server processes (more than 1 needs DATABASE_URL)",
    )
    .action(async (options: { workers?: string }) => {
      // The option is the environment's WORKERS, so one parser checks both.
      const env = options.workers ? { ...process.env, WORKERS: options.workers } : process.env;
      await (await import("../server/main.ts")).startServer(env);
    });
  program
    .command("audit")
    .description("บันทึกการตรวจสอบ / audit log")
    .command("verify")
    .description("ตรวจว่าไม่มีรายการใดถูกแก้ไขหรือลบ / detect any edited or deleted entry")
    .action(async () =>
      (await import("./commands/audit-verify.ts")).auditVerifyCommand(process.env, out),
    );
  program
    .command("demo")
    .description("ข้อมูลสาธิต / demo data")
    .command("national")
    .description(
      "สร้างข้อมูลสาธิตทั้งประเทศ (หน่วยงาน คำตอบ ผลตรวจ OIT และผล) ลงฐานข้อมูล / fill the database with a synthetic country",
    )
    .option("--agencies <n>", "จำนวนหน่วยงาน / agencies (8300)")
    .option("--responses <n>", "จำนวนคำตอบต่อปี / responses per year (1350000)")
    .option("--years <n>", "จำนวนปีงบประมาณ / fiscal years (2)")
    .option("--seed <n>", "ค่าตั้งต้นของการสุ่ม ให้ผลเหมือนเดิมทุกครั้ง / random seed, reproducible (2568)")
    .option("--last-year <year>", "ปีงบประมาณล่าสุด / newest fiscal year (the newest framework's)")
    .action(async (options: Record<string, string | undefined>) => {
      const { demoNationalCommand } = await import("./commands/demo-national.ts");
      await demoNationalCommand(
        process.env,
        {
          agencies: options.agencies,
          responses: options.responses,
          years: options.years,
          seed: options.seed,
          lastYear: options.lastYear,
        },
        out,
        process.stderr.isTTY,
      );
    });
  program
    .command("tallies")
    .description("ผลนับคำตอบแบบวัด / survey tallies")
    .command("rebuild")
    .description(
      "นับผลแบบวัดใหม่จากคำตอบที่เก็บไว้ / count the survey tallies again from the stored responses",
    )
    .option("--check", "เทียบอย่างเดียว ไม่แก้ไข / compare only; exit 1 when they disagree")
    .option("--agency <id>", "เฉพาะหน่วยงานนี้ / only this agency")
    .action(async (options: { check?: boolean; agency?: string }) => {
      const { talliesRebuildCommand } = await import("./commands/tallies.ts");
      const disagree = await talliesRebuildCommand(process.env, options, out);
      if (!disagree) return;
      for (const line of disagree.lines) process.stderr.write(`${line}\n`);
      throw new CliFailure(disagree.summary);
    });
  program
    .command("documents")
    .description(
      "เอกสารวิเคราะห์ผลและมาตรการในฐานข้อมูล / analysis-and-measures documents in the database",
    )
    .command("bulk")
    .description(
      "สร้างเอกสารของทุกหน่วยงานในปีงบประมาณ ทำต่อจากที่ค้างได้ / build every agency's document of a fiscal year, resumable",
    )
    .requiredOption("--fiscal-year <year>", "fiscal year (Buddhist era), e.g. 2568")
    .option("--out <dir>", "also write each agency's DOCX into this folder")
    .option("--concurrency <n>", "documents rendered at once (default: one per core)")
    .action(async (options: { fiscalYear: string; out?: string; concurrency?: string }) => {
      const { documentsBulkCommand, describeProblems } = await import(
        "./commands/documents-bulk.ts"
      );
      const report = await documentsBulkCommand(process.env, options, out);
      const lines = [
        ...describeProblems("ข้อมูลยังไม่ครบ / incomplete data:", report.incompleteAgencies),
        ...describeProblems("สร้างไม่สำเร็จ / failed:", report.failedAgencies),
      ];
      for (const line of lines) process.stderr.write(`${line}\n`);
      if (report.failed > 0)
        throw new CliFailure(
          `${report.failed} จาก ${report.total} หน่วยงานสร้างเอกสารไม่สำเร็จ / ${report.failed} of ${report.total} agencies failed`,
        );
      if (report.stopped)
        throw new CliFailure("หยุดก่อนครบทุกหน่วยงาน / stopped before every agency was done");
    });
  program
    .command("backup")
    .description("สำรองฐานข้อมูลทั้งหมดลงไฟล์ / back up the whole database to a file")
    .argument("<file>", "backup file (gzipped JSON lines)")
    .action(async (file: string) =>
      (await import("./commands/backup-restore.ts")).backupCommand(process.env, file, out),
    );
  program
    .command("restore")
    .description("กู้คืนฐานข้อมูลจากไฟล์สำรอง (แทนที่ข้อมูลเดิมทั้งหมด) / restore, replacing all data")
    .argument("<file>", "backup file made by prongsai backup")
    .action(async (file: string) =>
      (await import("./commands/backup-restore.ts")).restoreCommand(process.env, file, out),
    );
  program
    .command("load")
    .description("นำเข้าไฟล์ข้อมูลหน่วยงานประจำปีลงฐานข้อมูล / load agency-year files into the database")
    .argument("<files...>", "agency-year files (YAML or JSON), one per agency")
    .action(async (files: string[]) => {
      const { loadCommand } = await import("./commands/load.ts");
      const { failed } = await loadCommand(process.env, files, out);
      for (const { file, error } of failed)
        process.stderr.write(`\n${file}\n${formatError(error)}\n`);
      if (failed.length > 0)
        throw new CliFailure(
          `${failed.length} จาก ${files.length} ไฟล์นำเข้าไม่ได้ / ${failed.length} of ${files.length} files failed`,
        );
    });
  program
    .command("reminders")
    .description(
      "แจ้งเตือนมาตรการที่ใกล้ครบกำหนดหรือเลยกำหนด (ครั้งเดียว) / remind about measures due soon or overdue, once",
    )
    .option("--date <YYYY-MM-DD>", "the day of the run (default: today in Thailand)")
    .action(async (options: { date?: string }) =>
      (await import("./commands/reminders.ts")).remindersCommand(process.env, options, out),
    );
  program
    .command("frameworks")
    .description("แสดงกรอบการประเมินที่มี / list the loaded frameworks")
    .option("--json", "JSON output")
    .action(async (options: { json?: boolean }) =>
      (await import("./commands/frameworks.ts")).frameworksCommand(options, out),
    );
  program
    .command("oit-items")
    .description("รายการข้อ OIT ของปีงบประมาณใหม่ / a new fiscal year's OIT item list")
    .command("import")
    .description(
      "สร้างกรอบการประเมินใหม่จากรายการข้อ OIT (docs/oit-items-format.md) / make a new framework from an OIT item list",
    )
    .argument("<file>", "item list (.xlsx, .csv or .json)")
    .requiredOption("--base <id>", "last year's framework, e.g. ita-2567")
    .requiredOption("--id <id>", "the new framework's id, e.g. ita-2569")
    .requiredOption("--fiscal-year <year>", "the new fiscal year (Buddhist era), e.g. 2569")
    .option("--out <file>", "where to write the framework (default: frameworks/<id>.json)")
    .option("--dry-run", "ตรวจและสรุปอย่างเดียว / check and summarise only")
    .action(async (file: string, options) =>
      (await import("./commands/oit-items.ts")).oitItemsImportCommand(file, options, out),
    );
  program
    .command("score")
    .description("คำนวณคะแนน ITA / compute ITA scores")
    .requiredOption("--framework <id>", "framework id, e.g. ita-2566")
    .option("--indicators <list>", "indicator scores in order, comma-separated")
    .option("--answers <file>", "raw IIT/EIT answers and OIT verdicts (YAML or JSON)")
    .option("--json", "print exactly one JSON object")
    .action(async (options) => (await import("./commands/score.ts")).scoreCommand(options, out));
  program
    .command("oit-check")
    .description("ตรวจเว็บไซต์ของหน่วยงานตามข้อ OIT / check an agency's web site for the OIT items")
    .requiredOption("--site <url>", "the agency's home page")
    .requiredOption("--framework <id>", "framework id, e.g. ita-2566")
    .option("--evidence <file>", "item id → URL(s) given as evidence (YAML or JSON)")
    .option("--allow-private", "allow private and loopback addresses (local sites only)")
    .option("--json", "print exactly one JSON object")
    .action(async (options) =>
      (await import("./commands/oit-check.ts")).oitCheckCommand(
        options,
        out,
        process.stderr.isTTY === true,
      ),
    );
  program
    .command("disclosures")
    .description(
      "การเผยแพร่เอกสารมาตรการและรายงานความก้าวหน้าบนเว็บไซต์หน่วยงาน / disclosure of the measures and their progress",
    )
    .command("check")
    .description(
      "ตรวจเว็บไซต์ของทุกหน่วยงานในปีงบประมาณ (ทีละไม่กี่แห่ง ข้ามแห่งที่เพิ่งตรวจ) / check every agency's web site for a fiscal year",
    )
    .requiredOption("--fiscal-year <year>", "fiscal year (Buddhist era), e.g. 2568")
    .option("--province <name>", "เฉพาะจังหวัดนี้ / only this province")
    .option("--concurrency <n>", "agencies checked at once (default 4)")
    .option("--since-hours <h>", "skip agencies checked within these hours (default 24)")
    .action(async (options) => {
      const { disclosuresCheckCommand } = await import("./commands/disclosures.ts");
      const { failed } = await disclosuresCheckCommand(
        process.env,
        options,
        out,
        process.stderr.isTTY === true,
      );
      if (failed > 0)
        throw new CliFailure(`ตรวจไม่สำเร็จ ${failed} แห่ง / ${failed} agencies could not be checked`);
    });
  program
    .command("validate")
    .description("ตรวจไฟล์ข้อมูลหน่วยงานประจำปี / check an agency-year file")
    .argument("<file>", "agency-year file (YAML or JSON)")
    .action(async (file: string) =>
      (await import("./commands/validate.ts")).validateCommand(file, out),
    );
  program
    .command("report")
    .description("สร้างเอกสารวิเคราะห์ผลและมาตรการ / write the analysis-and-measures document")
    .argument("<files...>", "agency-year files (YAML or JSON), one per agency")
    .requiredOption("--out <dir>", "output folder")
    .option("--format <list>", "html,docx,pdf", "html,docx,pdf")
    .option("--digits <style>", "thai or arabic", "thai")
    .action(async (files: string[], options: { out: string; format: string; digits: string }) => {
      if (files.length === 1) {
        const { reportCommand } = await import("./commands/report.ts");
        for (const p of await reportCommand(files[0] as string, options)) out(p);
        return;
      }
      const { reportManyCommand } = await import("./commands/report-many.ts");
      const { written, failed } = await reportManyCommand(files, options);
      for (const p of written) out(p);
      for (const { file, error } of failed)
        process.stderr.write(`\n${file}\n${formatError(error)}\n`);
      if (failed.length > 0)
        throw new CliFailure(
          `${failed.length} จาก ${files.length} ไฟล์สร้างเอกสารไม่ได้ / ${failed.length} of ${files.length} files failed`,
        );
    });
  return program;
}

/** A failure already explained on stderr; only its summary line is left to print. */
class CliFailure extends Error {}

/** Runs the CLI and returns the exit code: 0 done, 1 bad input or failure, 2 bad usage. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliFailure) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    process.stderr.write(`${formatError(error)}\n`);
    return 1;
  }
}
