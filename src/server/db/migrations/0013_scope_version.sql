ALTER TABLE "agencies" ADD COLUMN "scope_version" bigint DEFAULT 0 NOT NULL;
--> statement-breakpoint
-- A measure is checked against its agency's divisions, its assessment's year and framework and the
-- framework of the latest earlier result (ADR 0005). Any change to those bumps the agency's
-- scope_version, so a write checked against an older scope can be refused in the same statement
-- that makes it, by comparing one number (ADR 0007).
CREATE FUNCTION bump_scope_on_divisions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.divisions IS DISTINCT FROM OLD.divisions THEN
    NEW.scope_version := OLD.scope_version + 1;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER agencies_scope BEFORE UPDATE OF divisions ON agencies
  FOR EACH ROW EXECUTE FUNCTION bump_scope_on_divisions();
--> statement-breakpoint
-- Statement-level with transition tables: an import of thousands of results bumps each agency once.
CREATE FUNCTION bump_agency_scope() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE agencies SET scope_version = scope_version + 1
     WHERE id IN (SELECT agency_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE agencies SET scope_version = scope_version + 1
     WHERE id IN (SELECT agency_id FROM old_rows);
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE agencies SET scope_version = scope_version + 1
     WHERE id IN (SELECT agency_id FROM old_rows UNION SELECT agency_id FROM new_rows);
  ELSE
    UPDATE agencies SET scope_version = scope_version + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER assessments_scope_insert AFTER INSERT ON assessments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_agency_scope();
--> statement-breakpoint
CREATE TRIGGER assessments_scope_update AFTER UPDATE ON assessments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_agency_scope();
--> statement-breakpoint
CREATE TRIGGER assessments_scope_delete AFTER DELETE ON assessments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_agency_scope();
--> statement-breakpoint
CREATE TRIGGER assessments_scope_truncate AFTER TRUNCATE ON assessments
  FOR EACH STATEMENT EXECUTE FUNCTION bump_agency_scope();
--> statement-breakpoint
CREATE TRIGGER results_scope_insert AFTER INSERT ON results
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_agency_scope();
--> statement-breakpoint
CREATE TRIGGER results_scope_update AFTER UPDATE ON results
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_agency_scope();
--> statement-breakpoint
CREATE TRIGGER results_scope_delete AFTER DELETE ON results
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_agency_scope();
--> statement-breakpoint
CREATE TRIGGER results_scope_truncate AFTER TRUNCATE ON results
  FOR EACH STATEMENT EXECUTE FUNCTION bump_agency_scope();
