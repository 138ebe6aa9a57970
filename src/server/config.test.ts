import { describe, expect, it } from "vitest";
import { domainErrorOf } from "../domain/test-factories.ts";
import { parseConfig } from "./config.ts";

describe("parseConfig", () => {
  it("fills defaults for an empty environment", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: "0.0.0.0",
      DATA_DIR: "./data",
      LOG_LEVEL: "info",
      SURVEY_OTP_SENDER: "log",
      SURVEY_RATE_PER_MINUTE: 30,
      OPEN_DATA_RATE_PER_MINUTE: 120,
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("reads PostgreSQL and the public address", () => {
    const config = parseConfig({
      PORT: "8080",
      DATABASE_URL: "postgres://ita@127.0.0.1:5432/ita",
      PUBLIC_URL: "https://ita.example.go.th",
    });
    expect(config.PORT).toBe(8080);
    expect(config.DATABASE_URL).toBe("postgres://ita@127.0.0.1:5432/ita");
  });

  it("refuses several workers on the embedded database, which one process owns", () => {
    const error = domainErrorOf(() => parseConfig({ WORKERS: "2" }));
    expect(error.details).toHaveLength(1);
    expect(error.details[0]).toMatchObject({ path: "WORKERS" });
    expect(error.details[0]?.th).toContain("DATABASE_URL");
    expect(parseConfig({ WORKERS: "2", DATABASE_URL: "postgres://ita@db/ita" }).WORKERS).toBe(2);
    expect(parseConfig({}).WORKERS).toBe(1);
  });

  it("lists every problem at once, in Thai and English", () => {
    const error = domainErrorOf(() =>
      parseConfig({
        PORT: "eighty",
        DATABASE_URL: "mysql://x",
        PUBLIC_URL: "ftp://x",
        LOG_LEVEL: "loud",
        SURVEY_OTP_SENDER: "sms",
        SURVEY_RATE_PER_MINUTE: "0",
      }),
    );
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.details.map((d) => d.path).sort()).toEqual(
      [
        "DATABASE_URL",
        "LOG_LEVEL",
        "PORT",
        "PUBLIC_URL",
        "SURVEY_OTP_SENDER",
        "SURVEY_RATE_PER_MINUTE",
      ].sort(),
    );
    for (const d of error.details) expect(d.th).toMatch(/[ก-๙]/);
  });
});
