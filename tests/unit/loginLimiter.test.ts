// The sign-in limiter's rules with the attempt counts in memory (one process: the SQLite default).
import { createLoginLimiter } from "../../src/server/auth/loginLimiter";
import { describeSignInLimitRules } from "../support/signInLimitRules";

describeSignInLimitRules("counts in memory", () => createLoginLimiter());
