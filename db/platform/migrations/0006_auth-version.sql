ALTER TABLE `users` ADD `auth_version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- A token is valid only for the user row it was issued against. Triggers, not application code,
-- so that no write path (the users API, the seed, a structure change, a future one) can forget to
-- end the sessions of a user whose rights changed.
CREATE TRIGGER users_auth_version AFTER UPDATE OF role, unit, password_hash, disabled ON users
WHEN OLD.role IS NOT NEW.role OR OLD.unit IS NOT NEW.unit OR OLD.password_hash IS NOT NEW.password_hash OR OLD.disabled IS NOT NEW.disabled
BEGIN
  UPDATE users SET auth_version = auth_version + 1 WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER user_programs_auth_version_insert AFTER INSERT ON user_programs
BEGIN
  UPDATE users SET auth_version = auth_version + 1 WHERE id = NEW.user_id;
END;
--> statement-breakpoint
CREATE TRIGGER user_programs_auth_version_delete AFTER DELETE ON user_programs
BEGIN
  UPDATE users SET auth_version = auth_version + 1 WHERE id = OLD.user_id;
END;
