import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { describe, expect, test } from "vitest";

import { DumpRowCounter, WithoutDefiners } from "./backup";

async function through(transform: DumpRowCounter | WithoutDefiners, dump: string, chunkSize: number): Promise<string> {
  const bytes = Buffer.from(dump, "utf8");
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const out: Buffer[] = [];
  await pipeline(Readable.from(chunks), transform, async function* (source) {
    for await (const chunk of source) out.push(chunk as Buffer);
    yield* [];
  });
  return Buffer.concat(out).toString("utf8");
}

async function count(dump: string, chunkSize: number): Promise<Record<string, number>> {
  const counter = new DumpRowCounter();
  expect(await through(counter, dump, chunkSize)).toBe(dump);
  return Object.fromEntries(counter.rows);
}

const DUMP = [
  "-- MariaDB dump 10.19",
  "/*!40101 SET NAMES utf8mb4 */;",
  "DROP TABLE IF EXISTS `audit_log`;",
  "CREATE TABLE `audit_log` (",
  "  `id` bigint(20) NOT NULL AUTO_INCREMENT,",
  "  `detail` text DEFAULT NULL COMMENT 'a (note)',",
  "  PRIMARY KEY (`id`)",
  ") ENGINE=InnoDB;",
  "CREATE TABLE `empty_one` (",
  "  `id` int(11) NOT NULL",
  ");",
  "INSERT INTO `audit_log` VALUES (1,'旧名 \\'),(\\' 新名'),(2,'line\\nbreak (x)'),(3,NULL),(4,0x28292C28);",
  "INSERT INTO `audit_log` VALUES (5,'it''s (fine)');",
  "/*!40000 ALTER TABLE `audit_log` ENABLE KEYS */;",
  "INSERT INTO `work_order` VALUES",
  "(1,'a;b'),",
  "(2,'c\\\\'),",
  "(3,');(');",
  "UNLOCK TABLES;",
  "-- INSERT INTO `audit_log` VALUES (9,'comment');",
  "",
].join("\n");

describe("rows counted in a dump stream", () => {
  // mariadb-dump 10.11 writes a row per line, older ones a statement per line: both are read.
  test("counts each table's rows, never a parenthesis or quote inside a value, whatever the chunks", async () => {
    for (const chunkSize of [1, 3, 7, 64, 100_000]) {
      expect(await count(DUMP, chunkSize)).toEqual({ audit_log: 5, empty_one: 0, work_order: 3 });
    }
  });
});

describe("definers taken out of a dump", () => {
  test("triggers and procedures lose their DEFINER, data lines keep every byte", async () => {
    const dump = [
      "/*!50003 CREATE*/ /*!50017 DEFINER=`hcp`@`localhost`*/ /*!50003 trigger rating_rollup_insert after insert on rating for each row begin call rollup_rating_change(new.id, 1); end */;;",
      "CREATE DEFINER=`root`@`localhost` PROCEDURE `rollup_rating_change`(p_id bigint, p_sign int)",
      "(1,'CREATE DEFINER=`x`@`y` 县政务服务中心'),",
      "INSERT INTO `audit_log` VALUES (2,'/*!50003 CREATE*/ /*!50017 DEFINER=`a`@`b`*/ ');",
      "",
    ].join("\n");
    const expected = [
      "/*!50003 CREATE*/ /*!50003 trigger rating_rollup_insert after insert on rating for each row begin call rollup_rating_change(new.id, 1); end */;;",
      "CREATE PROCEDURE `rollup_rating_change`(p_id bigint, p_sign int)",
      "(1,'CREATE DEFINER=`x`@`y` 县政务服务中心'),",
      "INSERT INTO `audit_log` VALUES (2,'/*!50003 CREATE*/ /*!50017 DEFINER=`a`@`b`*/ ');",
      "",
    ].join("\n");
    for (const chunkSize of [1, 5, 64, 100_000]) {
      expect(await through(new WithoutDefiners(), dump, chunkSize)).toBe(expected);
    }
  });
});
