import { readFileSync } from "node:fs";

export const ACCOUNTS_FILE = "test-results/e2e/demo-accounts.json";

export interface DemoAccounts {
  accounts: { email: string; role: string; password: string }[];
  /** The demo's survey link paths by tool and one printed IIT code, from the start-up log. */
  survey?: { links: Record<string, string>; code: string };
}

/** The demo's account of a role, with the one-time password the server logged at start-up. */
export function demoAccount(role: "national_admin" | "agency_admin" | "evaluator") {
  const { accounts } = JSON.parse(readFileSync(ACCOUNTS_FILE, "utf8")) as DemoAccounts;
  const account = accounts.find((a) => a.role === role);
  if (!account) throw new Error(`no demo account with the role ${role}`);
  return account;
}

/** The demo's survey links and one unused printed code. */
export function demoSurvey(): { links: Record<string, string>; code: string } {
  const { survey } = JSON.parse(readFileSync(ACCOUNTS_FILE, "utf8")) as DemoAccounts;
  if (!survey) throw new Error("the demo's survey links were not logged");
  return survey;
}
