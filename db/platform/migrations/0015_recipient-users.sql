ALTER TABLE `users` ADD `area_code` text REFERENCES areas(code);--> statement-breakpoint
-- A recipient's area is a right like a unit: changing it ends the user's sessions (0006's trigger, with area_code).
DROP TRIGGER users_auth_version;
--> statement-breakpoint
CREATE TRIGGER users_auth_version AFTER UPDATE OF role, unit, area_code, password_hash, disabled ON users
WHEN OLD.role IS NOT NEW.role OR OLD.unit IS NOT NEW.unit OR OLD.area_code IS NOT NEW.area_code OR OLD.password_hash IS NOT NEW.password_hash OR OLD.disabled IS NOT NEW.disabled
BEGIN
  UPDATE users SET auth_version = auth_version + 1 WHERE id = NEW.id;
END;
