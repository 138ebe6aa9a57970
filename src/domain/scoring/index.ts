export * from "./oit-scores.ts";
export * from "./overall.ts";
export * from "./parse-answers.ts";
export * from "./score-answers.ts";
export * from "./survey-scores.ts";
export * from "./tallies.ts";
