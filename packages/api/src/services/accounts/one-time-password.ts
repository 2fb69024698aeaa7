import { randomBytes } from "node:crypto";

import { hashPassword } from "@hcp/db";
import { oneTimePassword, passwordProblem } from "@hcp/domain";

/**
 * A password chosen for someone else (a new account, a reset, the first administrator): shown
 * once to whoever hands it over, stored only as its hash, changed at the first sign-in.
 */
export async function issueOneTimePassword(username: string): Promise<{ password: string; passwordHash: string }> {
  let password = oneTimePassword(randomBytes);
  // A short username may turn up inside a group by chance; the password rules would refuse it later.
  while (passwordProblem(password, username) !== null) password = oneTimePassword(randomBytes);
  return { password, passwordHash: await hashPassword(password) };
}
