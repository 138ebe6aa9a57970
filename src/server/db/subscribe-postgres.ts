import pg from "pg";
import type { Subscribe } from "./database.ts";

const RETRY_MS = 1_000;

/** LISTEN on a connection of its own, outside the pool, reconnecting after any loss. */
export function subscribePostgres(url: string): Subscribe {
  return async (channel, onMessage, onListening) => {
    let stopped = false;
    let current: pg.Client | undefined;
    let retry: NodeJS.Timeout | undefined;
    const connect = async (): Promise<void> => {
      const client = new pg.Client({ connectionString: url, keepAlive: true });
      let lost = false;
      const lose = () => {
        if (lost) return;
        lost = true;
        onListening(false);
        client.end().catch(() => undefined);
        if (!stopped) retry = setTimeout(() => void connect(), RETRY_MS);
      };
      client.on("notification", (message) => onMessage(message.payload ?? ""));
      client.on("error", lose);
      client.on("end", lose);
      try {
        await client.connect();
        await client.query(`listen ${client.escapeIdentifier(channel)}`);
      } catch {
        return lose();
      }
      if (stopped) return void client.end().catch(() => undefined);
      current = client;
      onListening(true);
    };
    await connect();
    return async () => {
      stopped = true;
      clearTimeout(retry);
      onListening(false);
      await current?.end().catch(() => undefined);
    };
  };
}
