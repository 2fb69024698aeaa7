/** Load-generator helpers: a keep-alive HTTP client, a closed-loop worker pool, statistics, /proc readings. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";

export interface TResponse {
  status: number;
  body: string;
}

/** A keep-alive agent with exactly `sockets` connections: one per concurrent worker. */
export function keepAliveAgent(sockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
}

export function postJson(
  agent: Agent,
  base: URL,
  path: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<TResponse> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        path,
        method: "POST",
        headers: { ...headers, "content-type": "application/json", "content-length": String(payload.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

export interface TRunResult {
  count: number;
  elapsedMs: number;
  latenciesMs: number[];
  errors: number;
  errorSamples: string[];
}

/**
 * Closed loop: `concurrency` workers each take the next job as soon as their previous one ends.
 * A job resolves to null on success or to an error description.
 */
export async function runClosedLoop(
  count: number,
  concurrency: number,
  job: (index: number) => Promise<string | null>,
): Promise<TRunResult> {
  const latenciesMs: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const index = next++;
      if (index >= count) return;
      const t0 = performance.now();
      let failure: string | null;
      try {
        failure = await job(index);
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      }
      latenciesMs.push(performance.now() - t0);
      if (failure !== null) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(failure);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { count, elapsedMs: performance.now() - started, latenciesMs, errors, errorSamples };
}

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export interface TProcMemory {
  rssMb: number;
  hwmMb: number;
}

/** VmRSS and VmHWM (peak RSS) of a process, in MB, from /proc/<pid>/status. */
export function procMemory(pid: number): TProcMemory | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
    return { rssMb: kb("VmRSS") / 1024, hwmMb: kb("VmHWM") / 1024 };
  } catch {
    return null;
  }
}

const CLOCK_TICKS = (() => {
  const result = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
  const ticks = Number(result.stdout.trim());
  return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
})();

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
export function procCpuSeconds(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Busy CPU seconds of the whole machine (all cores), from /proc/stat. */
export function machineBusySeconds(): number | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
    const [, ...ticks] = line.trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal …: busy is everything but idle and iowait.
    const total = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0);
    return (total - (ticks[3] ?? 0) - (ticks[4] ?? 0)) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

export interface TCpuUse {
  server: number | null;
  database: number | null;
  loadGenerator: number;
  /** everything else on the machine: other people's jobs disturb the figures */
  other: number | null;
}

export interface TCpuMeter {
  /** percent of one core each process used since the meter started */
  stop: () => TCpuUse;
}

/** Measures the CPU use of the server, the database and this process over an interval. */
export function cpuMeter(serverPid: number, databasePid: number | null): TCpuMeter {
  const started = performance.now();
  const server0 = procCpuSeconds(serverPid);
  const database0 = procCpuSeconds(databasePid);
  const self0 = process.cpuUsage();
  const machine0 = machineBusySeconds();
  return {
    stop: () => {
      const wallSeconds = (performance.now() - started) / 1000;
      const server1 = procCpuSeconds(serverPid);
      const database1 = procCpuSeconds(databasePid);
      const self = process.cpuUsage(self0);
      const machine1 = machineBusySeconds();
      const pct = (a: number | null, b: number | null) =>
        a === null || b === null ? null : (100 * (b - a)) / wallSeconds;
      const server = pct(server0, server1);
      const database = pct(database0, database1);
      const loadGenerator = (100 * (self.user + self.system)) / 1e6 / wallSeconds;
      const machine = pct(machine0, machine1);
      const other = machine === null ? null : Math.max(0, machine - (server ?? 0) - (database ?? 0) - loadGenerator);
      return { server, database, loadGenerator, other };
    },
  };
}
