-- Every server process keeps recently resolved sessions in memory (ADR 0017). Any change to who
-- may do what tells them at once, by person, or '*' for everyone when a table is emptied.
CREATE FUNCTION notify_access_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'STATEMENT' THEN
    PERFORM pg_notify('prongsai_access', '*');
  ELSIF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('prongsai_access', (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)::text);
  ELSE
    PERFORM pg_notify('prongsai_access', (CASE WHEN TG_OP = 'DELETE' THEN OLD.user_id ELSE NEW.user_id END)::text);
    IF TG_OP = 'UPDATE' AND OLD.user_id <> NEW.user_id THEN
      PERFORM pg_notify('prongsai_access', OLD.user_id::text);
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sessions_access AFTER UPDATE OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION notify_access_change();
--> statement-breakpoint
CREATE TRIGGER memberships_access AFTER INSERT OR UPDATE OR DELETE ON memberships
  FOR EACH ROW EXECUTE FUNCTION notify_access_change();
--> statement-breakpoint
CREATE TRIGGER users_access AFTER UPDATE OF email, display_name, totp_enabled_at, password_hash OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION notify_access_change();
--> statement-breakpoint
CREATE TRIGGER sessions_emptied AFTER TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION notify_access_change();
--> statement-breakpoint
CREATE TRIGGER memberships_emptied AFTER TRUNCATE ON memberships
  FOR EACH STATEMENT EXECUTE FUNCTION notify_access_change();
--> statement-breakpoint
CREATE TRIGGER users_emptied AFTER TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION notify_access_change();
