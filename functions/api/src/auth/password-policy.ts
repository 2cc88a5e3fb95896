import { Invalid } from "@weiquan/domain";

/**
 * Passwords that people pick and attackers try first are refused where a password is set (a new user,
 * an admin's reset, one's own change, a new tenant's admin): one containing the username or the county
 * code, and one that zxcvbn (its common-password and keyboard-pattern dictionaries, l33t and date
 * rules) rates below "somewhat guessable" — fewer than about a million guesses, e.g. `Password1`,
 * `Qwerty123`, `P@ssw0rd2026`. The domain's schema has already checked length and letters + digits.
 */
const MIN_SCORE = 2;

type Checker = (password: string, userInputs: string[]) => number;
let checker: Promise<Checker> | undefined;

/** zxcvbn and its dictionaries (about 1 MB): loaded on the first password set, not at cold start. */
function loadChecker(): Promise<Checker> {
  checker ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]).then(
    ([core, common]) => {
      const z = new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary },
        graphs: common.adjacencyGraphs,
      });
      return (password, userInputs) => z.check(password, userInputs).score;
    },
  );
  return checker;
}

/** Refuses a weak password with a 400 naming the field at `path` (`password`, `admin.password` …). */
export async function assertStrongPassword(
  password: string,
  about: { username: string; countyCode?: string; displayName?: string },
  path = "password",
): Promise<void> {
  const refuse = (message: string) => {
    throw Invalid("密码不符合要求", [{ path, message }]);
  };
  const lower = password.toLowerCase();
  const username = about.username.toLowerCase();
  if (username.length >= 3 && lower.includes(username)) refuse("密码不能包含用户名");
  if (about.countyCode && password.includes(about.countyCode)) refuse("密码不能包含单位代码");
  const inputs = [about.username, about.countyCode, about.displayName, "weiquan", "维权通"].filter(
    (s): s is string => Boolean(s),
  );
  if ((await loadChecker())(password, inputs) < MIN_SCORE)
    refuse("密码太常见或太容易猜到（如 Password1、Qwerty123），请换一个更长、更少见的密码");
}
