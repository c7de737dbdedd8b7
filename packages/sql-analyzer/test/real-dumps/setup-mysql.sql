-- A mysql client script that builds a varied database for mariadb-dump / mysqldump
-- (test/real-dumps.test.ts). It is a test input itself: its DELIMITER regions must parse cleanly.
CREATE DATABASE shop CHARACTER SET utf8mb4;
USE shop;

CREATE TABLE items (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(100) NOT NULL UNIQUE,
  price DECIMAL(10, 2) NOT NULL DEFAULT 0 CHECK (price >= 0),
  mood ENUM('sad', 'ok', 'happy') DEFAULT 'ok',
  tags SET('red', 'sweet', 'sour'),
  attrs JSON,
  total DECIMAL(12, 2) AS (price * 2) STORED,
  created TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  KEY items_price (price),
  FULLTEXT KEY items_name (name)
) ENGINE = InnoDB COMMENT = 'the shop''s items';

CREATE TABLE events (
  id BIGINT NOT NULL AUTO_INCREMENT,
  at DATE NOT NULL,
  item INT UNSIGNED,
  note TEXT,
  PRIMARY KEY (id, at),
  CONSTRAINT events_item FOREIGN KEY (item) REFERENCES items (id) ON DELETE CASCADE
) ENGINE = InnoDB;

CREATE VIEW pricey AS SELECT id, name, price FROM items WHERE price > 100 WITH CHECK OPTION;

DELIMITER //
CREATE PROCEDURE restock(IN n INT)
BEGIN
  DECLARE done INT DEFAULT 0;
  DECLARE item_id INT;
  DECLARE cur CURSOR FOR SELECT id FROM items WHERE price < n;
  DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;
  OPEN cur;
  lbl: LOOP
    FETCH cur INTO item_id;
    IF done THEN LEAVE lbl; END IF;
    UPDATE items SET price = price + 1 WHERE id = item_id;
  END LOOP lbl;
  CLOSE cur;
  SELECT 'restocked; done //' AS message;
END //
CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC
BEGIN
  RETURN x * 2;
END //
CREATE TRIGGER items_note AFTER INSERT ON items FOR EACH ROW
BEGIN
  INSERT INTO events (at, item, note) VALUES (CURDATE(), NEW.id, CONCAT('added: ', NEW.name));
END //
CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DO
BEGIN
  DELETE FROM events WHERE at < CURDATE() - INTERVAL 30 DAY;
END //
DELIMITER ;

-- Data with what a dump has to escape: quotes, backslashes, line breaks, NULLs, Unicode, JSON.
INSERT INTO items (name, price, mood, tags, attrs) VALUES
  ('apple', 1.50, 'happy', 'red,sweet', '{"origin": "here"}'),
  ('it''s "quoted"', 0, 'sad', NULL, NULL),
  ('back\\slash\nand a line break', 99.99, NULL, 'sour', '[1, 2]'),
  ('naïve café ☕', 120, 'ok', '', '{}');
