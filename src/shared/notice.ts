import { z } from "zod";

// In-app reminders about measures that are due soon or overdue.

export const noticeKinds = ["due_soon", "overdue"] as const;

export const noticeQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const noticeResponse = z.object({
  measureId: z.string(),
  day: z.string(),
  kind: z.enum(noticeKinds),
  title: z.string(),
  dueDate: z.string(),
  emailedAt: z.string().nullable(),
  createdAt: z.string(),
});

export type NoticeResponse = z.output<typeof noticeResponse>;
