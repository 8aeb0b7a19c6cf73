// Per-reply CPU of the intake's parse + hash: zod's generic walk and canonicalJson (as before) against the fast path and
// the one-call hash, in one process, alternating A,B,A,B… so the machine's load falls on both alike. Figures, not a test.
// Usage: npx tsx tests/bench/replyParsingBench.ts [rounds] [repliesPerRound]
import { createHash } from "node:crypto";
import { loadavg } from "node:os";
import { canonicalJson } from "../../src/shared/canonicalJson";
import { reply as replySchema } from "../../src/shared/reply";
import { parseReply } from "../../src/shared/replyParse";
import { replyContentHash } from "../../src/server/http/replyHash";
import { validReply } from "../integration/support/replyFixtures";

const ROUNDS = Number(process.argv[2] ?? 10);
const PER_ROUND = Number(process.argv[3] ?? 20_000);
// Bodies as the server sees them: parsed from JSON text, a fresh id each.
const inputs = Array.from({ length: 1000 }, () => JSON.parse(JSON.stringify(validReply())) as unknown);

const paths = {
  "zod + canonicalJson": (item: unknown) => {
    const parsed = replySchema.safeParse(item);
    return parsed.success ? createHash("sha256").update(canonicalJson(parsed.data)).digest("hex") : "";
  },
  "fast path + one-call hash": (item: unknown) => {
    const parsed = parseReply(item);
    return parsed.success ? replyContentHash(parsed.data) : "";
  },
};

function cpuMicrosPerReply(take: (item: unknown) => string): number {
  let sink = 0;
  const before = process.cpuUsage();
  for (let i = 0; i < PER_ROUND; i++) sink += take(inputs[i % inputs.length]).length;
  const used = process.cpuUsage(before);
  if (sink === 0) throw new Error("no reply was taken");
  return (used.user + used.system) / PER_ROUND;
}

const samples = new Map<string, number[]>(Object.keys(paths).map((name) => [name, []]));
for (const take of Object.values(paths)) cpuMicrosPerReply(take); // warm-up
for (let round = 0; round < ROUNDS; round++)
  for (const [name, take] of Object.entries(paths)) samples.get(name)!.push(cpuMicrosPerReply(take));

console.log(`# ${ROUNDS} interleaved rounds of ${PER_ROUND} replies each, load average ${loadavg()[0].toFixed(1)}`);
for (const [name, values] of samples) {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(
    `  ${name.padEnd(26)} ${median.toFixed(1)} µs CPU per reply (${sorted[0].toFixed(1)}–${sorted[sorted.length - 1].toFixed(1)})`,
  );
}
